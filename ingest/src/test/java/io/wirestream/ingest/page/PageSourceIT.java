package io.wirestream.ingest.page;

import io.wirestream.avro.DeadLetter;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.http.FetchSettings;
import io.wirestream.ingest.http.HostPoliteness;
import io.wirestream.ingest.http.HttpFetcher;
import io.wirestream.ingest.http.LoopbackServer;
import io.wirestream.ingest.source.InMemoryPublishedItems;
import io.wirestream.ingest.source.PollOutcome;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceKind;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A watched article page (source kind page) served on loopback and published to a real broker. */
@Timeout(90)
class PageSourceIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    /** About 1 MB of article text in paragraphs: more than ingest.max.article.bytes (900 KiB) as Avro. */
    private static byte[] longPage() {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>The long report</title></head><body><article>"
            + "<h1>The long report</h1>");
        String sentence = "The harbour board read out every line of the dredging accounts again, one quay at a time. ";
        for (int p = 0; p < 240; p++) {
            html.append("<p>").append(sentence.repeat(48)).append("</p>");
        }
        return html.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeadLetterAPageTooLargeForKafkaOnceAndNotTryItAgain() throws Exception {
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "page-large", "topic.partitions", "1",
            IngestConfig.HTTP_HOST_DELAY_MS, "0", IngestConfig.HTTP_REQUEST_TIMEOUT_MS, "5000",
            IngestConfig.HTTP_ALLOWED_ADDRESSES, "127.0.0.1/32")));
        byte[] page = longPage();
        AtomicBoolean honourValidators = new AtomicBoolean(false);
        try (LoopbackServer server = new LoopbackServer();
             ArticlePublisher publisher = new ArticlePublisher(config)) {
            server.route("/live/report", ex -> {
                if (honourValidators.get() && "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    LoopbackServer.send(ex, 304, null, new byte[0]);
                } else {
                    ex.getResponseHeaders().set("ETag", "\"v1\"");
                    LoopbackServer.send(ex, 200, "text/html; charset=utf-8", page);
                }
            });
            URI url = server.uri("/live/report");
            PageSource source = new PageSource(new SourceDefinition("report", SourceKind.PAGE, url, null, null, null, Map.of()),
                new HttpFetcher(FetchSettings.from(config), new HostPoliteness(Duration.ZERO)), publisher, new InMemoryPublishedItems(100),
                Clock.systemUTC());

            PollOutcome first = source.poll();
            assertEquals(List.of(PollOutcome.Status.OK, 1, 0, 0, 1), List.of(first.status(), first.fetched(), first.published(),
                first.skipped(), first.failed()), first.toString());
            assertTrue(first.message().contains("larger than ingest.max.article.bytes=921600"), first.message());
            // the same version again (a server without validators): remembered, not tried again
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 0, 1, 0, null, null), source.poll());
            // the validators of the settled version were kept
            honourValidators.set(true);
            assertEquals(PollOutcome.notModified(), source.poll());
            assertEquals(3, server.requests("/live/report").size());

            try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
                Topics topics = new Topics(config.topicNames(), serdes);
                List<DeadLetter> letters = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(), new StringDeserializer(),
                        topics.deadLetters().valueSerde().deserializer(), 1, Duration.ofSeconds(30), Duration.ofSeconds(3))
                    .stream().map(ConsumerRecord::value).toList();
                assertEquals(List.of(url.toString()), letters.stream().map(DeadLetter::getOrigin).toList(), "one dead letter");
                assertTrue(letters.get(0).getErrorMessage().contains("ingest.max.article.bytes=921600"), letters.get(0).getErrorMessage());
                assertEquals(List.of(), TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                    new ByteArrayDeserializer(), 0, Duration.ofSeconds(2), Duration.ofSeconds(2)), "nothing published");
            }
        }
    }
}
