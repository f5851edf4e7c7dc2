package io.wirestream.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.core.TopicNames;
import io.wirestream.core.contract.ChannelContract.Encoding;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The committed contract (docs/asyncapi.yaml) is what the code generates, and is a sound AsyncAPI 3.0 document. */
class AsyncApiDocumentTest {
    /** Surefire runs in the module's folder. */
    private static final Path DOCS = Path.of("..", "docs");
    private static final Path COMMITTED = DOCS.resolve("asyncapi.yaml");
    private static final TopicNames NAMES = TopicNames.defaults();

    private static String generated() {
        return AsyncApiDocument.yaml(TopicContracts.standard(NAMES), NAMES, AsyncApiDocument.DEFAULT_SCHEMA_BASE);
    }

    @Test
    void shouldMatchTheCommittedDocument() throws IOException {
        assertEquals(generated(), Files.readString(COMMITTED, StandardCharsets.UTF_8),
            "docs/asyncapi.yaml differs from the code: regenerate it with bin/wirestream asyncapi --output docs/asyncapi.yaml");
    }

    @Test
    void shouldDescribeEveryTopicOfTheCatalogue() throws IOException {
        Map<String, Object> doc = committed();
        Set<String> addresses = new TreeSet<>();
        map(doc.get("channels")).values().forEach(c -> addresses.add((String) map(c).get("address")));
        assertEquals(new TreeSet<>(NAMES.all()), addresses);
    }

    @Test
    void shouldHaveTheRequiredFieldsOfAnAsyncApi3Document() throws IOException {
        Map<String, Object> doc = committed();
        assertEquals("3.0.0", doc.get("asyncapi"));
        Map<String, Object> info = map(doc.get("info"));
        assertEquals("Wirestream topics", info.get("title"));
        assertEquals(AsyncApiDocument.CONTRACT_VERSION, info.get("version"));

        List<String> problems = new ArrayList<>();
        Map<String, Object> channels = map(doc.get("channels"));
        channels.forEach((id, c) -> {
            Map<String, Object> channel = map(c);
            if (!(channel.get("address") instanceof String)) {
                problems.add(id + ": no address");
            }
            Map<String, Object> messages = map(channel.get("messages"));
            if (messages.isEmpty()) {
                problems.add(id + ": no message");
            }
            messages.forEach((name, m) -> problems.addAll(messageProblems(id + "/" + name, map(m))));
        });
        Map<String, Object> operations = map(doc.get("operations"));
        Set<String> written = new TreeSet<>();
        operations.forEach((id, o) -> {
            Map<String, Object> op = map(o);
            if (!Set.of("send", "receive").contains(op.get("action"))) {
                problems.add(id + ": action " + op.get("action"));
            }
            String channelRef = (String) map(op.get("channel")).get("$ref");
            String channelId = channelRef.substring("#/channels/".length());
            if (!channelRef.startsWith("#/channels/") || !channels.containsKey(channelId)) {
                problems.add(id + ": channel " + channelRef + " does not exist");
                return;
            }
            if ("send".equals(op.get("action"))) {
                written.add(channelId);
            }
            for (Object ref : (List<?>) op.get("messages")) {
                String messageRef = (String) map(ref).get("$ref");
                String prefix = channelRef + "/messages/";
                if (!messageRef.startsWith(prefix)
                    || !map(map(channels.get(channelId)).get("messages")).containsKey(messageRef.substring(prefix.length()))) {
                    problems.add(id + ": message " + messageRef + " is not a message of its channel");
                }
            }
        });
        assertEquals(List.of(), problems);
        assertEquals(channels.keySet(), written, "channels nobody writes");
    }

    /** An Avro payload names the schema format and a .avsc file that holds the record; a public one promises BACKWARD. */
    private static List<String> messageProblems(String where, Map<String, Object> message) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> payload = map(message.get("payload"));
        Map<String, Object> kafka = map(map(message.get("bindings")).get("kafka"));
        if (!"string".equals(map(kafka.get("key")).get("type"))) {
            problems.add(where + ": the key is not described as a string");
        }
        if (payload.containsKey("schemaFormat")) {
            if (!AsyncApiDocument.AVRO_SCHEMA_FORMAT.equals(payload.get("schemaFormat"))) {
                problems.add(where + ": schemaFormat " + payload.get("schemaFormat"));
            }
            String ref = (String) map(payload.get("schema")).get("$ref");
            Path file = DOCS.resolve(ref).normalize();
            try {
                JsonNode schema = new ObjectMapper().readTree(file.toFile());
                String fullName = schema.get("namespace").asText() + "." + schema.get("name").asText();
                if (!fullName.equals("io.wirestream.avro." + message.get("title")) && !fullName.endsWith("." + message.get("title"))) {
                    problems.add(where + ": " + ref + " holds " + fullName);
                }
            } catch (IOException e) {
                problems.add(where + ": cannot read " + ref + " (" + file + "): " + e.getMessage());
            }
            if (!"BACKWARD".equals(message.get("x-compatibility"))) {
                problems.add(where + ": compatibility " + message.get("x-compatibility"));
            }
        }
        return problems;
    }

    @Test
    void shouldAddARoutedTopicAsAChannelTheProcessorsWrite() {
        ChannelContract route = TopicContracts.routed(NAMES, "eu-energy", "news.route.energy", Encoding.JSON);
        List<ChannelContract> channels = new ArrayList<>(TopicContracts.standard(NAMES));
        channels.add(route);

        Map<String, Object> doc = AsyncApiDocument.document(channels, NAMES, AsyncApiDocument.DEFAULT_SCHEMA_BASE);

        Map<String, Object> channel = map(map(doc.get("channels")).get("routeEuEnergy"));
        assertEquals("news.route.energy", channel.get("address"));
        Map<String, Object> message = map(map(channel.get("messages")).get("EnrichedArticleJson"));
        assertEquals("application/json", message.get("contentType"));
        assertEquals("../schemas/src/main/avro/EnrichedArticle.avsc", map(map(message.get("payload")).get("schema")).get("$ref"));
        assertEquals("send", map(map(doc.get("operations")).get("processorsSendRouteEuEnergy")).get("action"));
        assertEquals("receive", map(map(doc.get("operations")).get("consumersReceiveRouteEuEnergy")).get("action"));
    }

    @Test
    void shouldRefuseTwoChannelsWithOneId() {
        List<ChannelContract> channels = List.of(TopicContracts.routed(NAMES, "eu-energy", "a", Encoding.AVRO),
            TopicContracts.routed(NAMES, "eu_energy", "b", Encoding.AVRO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> AsyncApiDocument.document(channels, NAMES, AsyncApiDocument.DEFAULT_SCHEMA_BASE));
        assertEquals("two channels have the id routeEuEnergy", e.getMessage());
    }

    private static Map<String, Object> committed() throws IOException {
        return new Yaml().load(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }
}
