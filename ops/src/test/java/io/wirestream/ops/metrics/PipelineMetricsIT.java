package io.wirestream.ops.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.ops.KafkaTestSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PipelineMetricsIT {

    @Test
    @Timeout(90)
    @SuppressWarnings("try") // metrics is held open only to keep the binder registered
    void shouldExportAProducersClientMetrics() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.temporary().start();
             KafkaTestSupport kafka = new KafkaTestSupport(broker.bootstrapServers())) {
            kafka.createTopic("metrics-articles", 1);
            PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.CLIENT_ID_CONFIG, "metrics-producer"), new StringSerializer(), new StringSerializer());
                 PipelineMetrics metrics = new PipelineMetrics(registry).bindKafkaClient(producer)) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>("metrics-articles", "k", "v" + i)).get();
                }
                List<String> sent = registry.scrape().lines()
                    .filter(l -> l.startsWith("kafka_producer_record_send_total{"))
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
                assertEquals(List.of("5.0"), sent);
            }
        }
    }
}
