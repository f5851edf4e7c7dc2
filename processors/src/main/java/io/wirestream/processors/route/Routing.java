package io.wirestream.processors.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.core.AvroJson;
import io.wirestream.core.Topic;
import io.wirestream.ops.metrics.PipelineMetrics;
import io.wirestream.processors.StageContext;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.List;

/**
 * The routing stage: copies each enriched article to the topic of every route whose filter takes it, in the
 * format of the route, keyed by article id. It runs on the records as they go to the enriched topic, in the
 * same task and so in the same transaction: a route's topic gets each matching article exactly once, like the
 * enriched topic.
 *
 * <p>Stateless: no store, no internal topic. Processor names are {@code routes.match} and
 * {@code routes.<route>.<step>}, so adding or removing a route changes only that route's processors; a
 * restart picks the change up, and since offsets are not moved, the new route sees only articles enriched
 * from then on.
 *
 * <p>Metrics: {@code wirestream_route_matched_total{route}} counts articles a filter took,
 * {@code wirestream_route_written_total{route}} the records serialised for the route's topic (a record that
 * cannot be serialised goes to the dead-letter topic and is not counted as written). Like the other counters,
 * they count again what an aborted transaction is processed again.
 */
public final class Routing {
    public static final String NAME = "routes";

    private Routing() {
    }

    /** Adds the routes' branches to {@code enriched}, the stream the enriched topic is written from. */
    public static void build(KStream<String, EnrichedArticle> enriched, StageContext ctx, Routes routes) {
        if (routes.isEmpty()) {
            return;
        }
        RouteMatcher matcher = new RouteMatcher(routes);
        PipelineMetrics metrics = ctx.metrics();
        KStream<String, Matched> matched = enriched.mapValues(article -> {
            List<String> names = matcher.matching(article);
            names.forEach(metrics::routeMatched);
            return new Matched(article, names);
        }, Named.as(NAME + ".match"));
        for (Route route : routes.all()) {
            String prefix = NAME + "." + route.name() + ".";
            KStream<String, EnrichedArticle> taken = matched
                .filter((id, m) -> m.routes().contains(route.name()), Named.as(prefix + "take"))
                .mapValues(Matched::article, Named.as(prefix + "article"));
            switch (route.format()) {
                case AVRO -> {
                    Topic<String, EnrichedArticle> topic = route.avroTopic(ctx.topics());
                    taken.to(topic.name(), Produced.with(topic.keySerde(), counting(topic.valueSerde(), route, metrics))
                        .withName(prefix + "sink"));
                }
                case JSON -> {
                    Topic<String, JsonNode> topic = route.jsonTopic();
                    taken.mapValues(article -> AvroJson.toJson(article), Named.as(prefix + "json"))
                        .to(topic.name(), Produced.with(topic.keySerde(), counting(topic.valueSerde(), route, metrics))
                            .withName(prefix + "sink"));
                }
            }
        }
    }

    /** The serde whose serializer counts each record it serialised as written by {@code route}. */
    private static <V> Serde<V> counting(Serde<V> serde, Route route, PipelineMetrics metrics) {
        Serializer<V> inner = serde.serializer();
        Serializer<V> counted = (topic, value) -> {
            byte[] bytes = inner.serialize(topic, value);
            metrics.routeWritten(route.name());
            return bytes;
        };
        return Serdes.serdeFrom(counted, serde.deserializer());
    }

    private record Matched(EnrichedArticle article, List<String> routes) {
    }
}
