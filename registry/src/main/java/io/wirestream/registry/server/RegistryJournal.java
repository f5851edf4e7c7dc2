package io.wirestream.registry.server;

/** Durable, ordered storage of {@link RegistryEntry}s. */
public interface RegistryJournal {
    /**
     * Stores {@code entry}; returns only once it is durable, so that a restarted registry replays it.
     *
     * @throws RegistryException with 50001 (store error) or 50002 (timeout) when it could not be stored
     */
    void append(RegistryEntry entry);
}
