package io.wirestream.ops.health;

/**
 * A named part of an application that reports its own health. Checks run on every probe and every metrics
 * scrape, so they must be cheap and must not block; an exception thrown counts as {@link Health.Status#DOWN}.
 */
@FunctionalInterface
public interface HealthCheck {
    Health check();
}
