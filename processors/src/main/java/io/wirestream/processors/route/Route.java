package io.wirestream.processors.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.core.JsonSerde;
import io.wirestream.core.Topic;
import io.wirestream.core.Topics;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A downstream topic declared by the operator: the enriched articles its filter takes, written to its topic in
 * its format, keyed by article id.
 *
 * @param name   stable, short name ({@code [a-z0-9][a-z0-9_-]{0,63}}); it names the route's processors
 *               ({@code routes.<name>.*}) and its metrics
 * @param topic  the topic the route writes
 * @param format how the values are written
 * @param filter which articles the route takes
 */
public record Route(String name, String topic, RouteFormat format, RouteFilter filter) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    /** Kafka's rule for topic names (249 chars at most, no '.' or '..' alone). */
    public static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    public Route {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("route name '" + name
                + "' must be 1 to 64 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
        if (topic == null || !TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("route '" + name + "': topic '" + topic
                + "' is not a legal Kafka topic name (1 to 249 letters, digits, '.', '_', '-')");
        }
        Objects.requireNonNull(format, "format of route " + name);
        Objects.requireNonNull(filter, "filter of route " + name);
    }

    /** The route's topic with EnrichedArticle values in Avro, the serde of the enriched topic; format must be avro. */
    public Topic<String, EnrichedArticle> avroTopic(Topics topics) {
        requireFormat(RouteFormat.AVRO);
        return new Topic<>(topic, Serdes.String(), topics.enriched().valueSerde());
    }

    /** The route's topic with JSON values; format must be json. */
    public Topic<String, JsonNode> jsonTopic() {
        requireFormat(RouteFormat.JSON);
        return new Topic<>(topic, Serdes.String(), new JsonSerde());
    }

    private void requireFormat(RouteFormat wanted) {
        if (format != wanted) {
            throw new IllegalStateException("route '" + name + "' writes " + format.label() + ", not " + wanted.label());
        }
    }
}
