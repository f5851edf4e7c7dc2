package io.wirestream.processors.route;

import io.wirestream.avro.EntityType;
import io.wirestream.core.TopicNames;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The routes of the processors, as declared in a routes file (YAML):
 * <pre>
 * routes:
 *   - name: ecb-watch
 *     topic: news.routed.ecb
 *     format: avro            # avro (default) or json
 *     filter:                 # every criterion given must hold; leave it out to take every article
 *       languages: [de, fr, en]
 *       entities:
 *         - id: Q8901         # and/or type: PERSON | LOCATION | ORGANIZATION | OTHER
 *           minSalience: 0.2
 *       sources: [reuters]
 *       hosts: [ecb.europa.eu]
 *       query: '(ECB OR EZB OR BCE) AND (rate* OR Zins*)'
 * </pre>
 * The file is read with snakeyaml's {@link SafeConstructor} (maps, lists and scalars only) with limits on
 * aliases and size. Every problem is collected and reported at once, each naming the route and the field.
 * See {@link RouteFilter} and {@link ArticleQuery} for what the filter fields mean.
 */
public record Routes(List<Route> all) {
    private static final Set<String> ROUTE_FIELDS = new LinkedHashSet<>(List.of("name", "topic", "format", "filter"));
    private static final Set<String> FILTER_FIELDS = new LinkedHashSet<>(List.of("languages", "entities", "sources", "hosts", "query", "stories"));
    private static final Set<String> ENTITY_FIELDS = new LinkedHashSet<>(List.of("id", "type", "minSalience"));
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|und");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public Routes {
        all = List.copyOf(Objects.requireNonNull(all, "all"));
        Set<String> names = new java.util.HashSet<>();
        Set<String> topics = new java.util.HashSet<>();
        for (Route r : all) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("route name '" + r.name() + "' is used twice");
            }
            if (!topics.add(r.topic())) {
                throw new IllegalArgumentException("topic '" + r.topic() + "' is written by two routes");
            }
        }
    }

    /** No routes: the processors write only the pipeline's own topics. */
    public static Routes none() {
        return new Routes(List.of());
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The routed topics, in file order. */
    public List<String> topics() {
        return all.stream().map(Route::topic).toList();
    }

    /**
     * Reads and validates a routes file.
     *
     * @param names the pipeline's topic names, which no route may write
     */
    public static Routes load(Path file, TopicNames names) throws RoutesFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RoutesFileException(file.toString(), List.of("cannot read the file: " + e));
        }
        return parse(file.toString(), text, names);
    }

    /** Parses and validates routes-file text; {@code fileName} is only for messages. */
    public static Routes parse(String fileName, String text, TopicNames names) throws RoutesFileException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(1024 * 1024);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new RoutesFileException(fileName, List.of("not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> top) || !top.containsKey("routes") || top.size() != 1) {
            throw new RoutesFileException(fileName, List.of("expected one top-level key 'routes:' holding a list of routes (found "
                + describe(root) + ")"));
        }
        Object list = top.get("routes");
        if (list == null) {
            list = List.of();
        }
        if (!(list instanceof List<?> entries)) {
            throw new RoutesFileException(fileName, List.of("'routes' must be a list of routes, found " + describe(list)));
        }
        List<String> problems = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        Map<String, String> nameUsedBy = new HashMap<>();
        Map<String, String> topicUsedBy = new HashMap<>();
        Set<String> reserved = new java.util.HashSet<>(names.all());
        for (int i = 0; i < entries.size(); i++) {
            Object item = entries.get(i);
            if (!(item instanceof Map<?, ?> m)) {
                problems.add("route #" + (i + 1) + ": expected a mapping with name, topic, format, filter; found " + describe(item));
                continue;
            }
            Object rawName = m.get("name");
            Entry e = new Entry("route #" + (i + 1) + (rawName == null ? "" : " '" + rawName + "'"), problems);
            e.unknown(m, "", ROUTE_FIELDS);
            String name = e.string(m, "name", true);
            if (name != null && !Route.NAME.matcher(name).matches()) {
                e.problem("name", "'" + name + "' must be 1 to 64 lower-case letters, digits, '_' or '-', starting with a letter or digit");
                name = null;
            } else if (name != null && nameUsedBy.putIfAbsent(name, e.label) != null) {
                e.problem("name", "'" + name + "' is already the name of " + nameUsedBy.get(name));
                name = null;
            }
            String topic = e.string(m, "topic", true);
            if (topic != null && (!Route.TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals(".."))) {
                e.problem("topic", "'" + topic + "' is not a legal Kafka topic name (1 to 249 letters, digits, '.', '_', '-')");
                topic = null;
            } else if (topic != null && (reserved.contains(topic) || topic.startsWith("__"))) {
                e.problem("topic", "'" + topic + "' is one of the pipeline's own topics or an internal topic; give the route its own topic");
                topic = null;
            } else if (topic != null && topicUsedBy.putIfAbsent(topic, e.label) != null) {
                e.problem("topic", "'" + topic + "' is already written by " + topicUsedBy.get(topic)
                    + " (an article taken by both would be written twice)");
                topic = null;
            }
            RouteFormat format = RouteFormat.AVRO;
            String formatText = e.string(m, "format", false);
            if (formatText != null) {
                format = RouteFormat.parse(formatText).orElse(null);
                if (format == null) {
                    e.problem("format", "'" + formatText + "' is not one of avro, json");
                }
            }
            RouteFilter filter = e.filter(m.get("filter"));
            if (e.ok && name != null && topic != null && format != null && filter != null) {
                routes.add(new Route(name, topic, format, filter));
            }
        }
        if (!problems.isEmpty()) {
            throw new RoutesFileException(fileName, problems);
        }
        return new Routes(routes);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }

    /** Collects the problems of one route, each prefixed by the route's label and the field. */
    private static final class Entry {
        final String label;
        final List<String> problems;
        boolean ok = true;

        Entry(String label, List<String> problems) {
            this.label = label;
            this.problems = problems;
        }

        void problem(String field, String message) {
            ok = false;
            problems.add(label + ": field '" + field + "': " + message);
        }

        void unknown(Map<?, ?> m, String prefix, Set<String> known) {
            for (Object k : m.keySet()) {
                if (!known.contains(String.valueOf(k))) {
                    problem(prefix + k, "unknown field (known: " + String.join(", ", known) + ")");
                }
            }
        }

        String string(Map<?, ?> m, String field, boolean required) {
            Object v = m.get(field);
            if (v == null) {
                if (required) {
                    problem(field, "missing");
                }
                return null;
            }
            if (v instanceof Map<?, ?> || v instanceof List<?> || v.toString().isBlank()) {
                problem(field, "expected a non-empty text, found " + describe(v));
                return null;
            }
            return v.toString().strip();
        }

        RouteFilter filter(Object value) {
            if (value == null) {
                return RouteFilter.all();
            }
            if (!(value instanceof Map<?, ?> f)) {
                problem("filter", "expected a mapping with languages, entities, sources, hosts, query or stories; found " + describe(value));
                return null;
            }
            boolean before = ok;
            ok = true;
            unknown(f, "filter.", FILTER_FIELDS);
            Set<String> languages = new LinkedHashSet<>();
            for (String l : strings(f, "languages")) {
                String code = l.toLowerCase(Locale.ROOT);
                if (LANGUAGE.matcher(code).matches()) {
                    languages.add(code);
                } else {
                    problem("filter.languages", "'" + l + "' is not an ISO 639-1 code (two letters, e.g. en) or und");
                }
            }
            Set<String> sources = new LinkedHashSet<>(strings(f, "sources"));
            Set<String> stories = new LinkedHashSet<>(strings(f, "stories"));
            Set<String> hosts = new LinkedHashSet<>();
            for (String h : strings(f, "hosts")) {
                String host = h.toLowerCase(Locale.ROOT);
                if (HOST.matcher(host).matches()) {
                    hosts.add(host);
                } else {
                    problem("filter.hosts", "'" + h + "' is not a host name (write example.com, without scheme, port or path)");
                }
            }
            List<EntityCondition> entities = entities(f.get("entities"));
            Optional<ArticleQuery> query = Optional.empty();
            String queryText = string(f, "query", false);
            if (f.containsKey("query") && f.get("query") == null) {
                problem("filter.query", "empty: leave the field out to take articles whatever their text");
            }
            if (queryText != null) {
                try {
                    query = Optional.of(ArticleQuery.parse(queryText));
                } catch (IllegalArgumentException e) {
                    problem("filter.query", e.getMessage());
                }
            }
            boolean filterOk = ok;
            ok = before && filterOk;
            return filterOk ? new RouteFilter(languages, entities, sources, hosts, query, stories) : null;
        }

        /** A text or a list of texts; an empty list is a mistake (it would take nothing). */
        List<String> strings(Map<?, ?> m, String field) {
            String path = "filter." + field;
            if (!m.containsKey(field)) {
                return List.of();
            }
            Object v = m.get(field);
            List<?> items = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
            if (items.isEmpty()) {
                problem(path, "empty: leave the field out to accept any value");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Object item : items) {
                if (item == null || item instanceof Map<?, ?> || item instanceof List<?> || item.toString().isBlank()) {
                    problem(path, "expected texts, found " + describe(item));
                } else {
                    out.add(item.toString().strip());
                }
            }
            return out;
        }

        List<EntityCondition> entities(Object value) {
            if (value == null) {
                return List.of();
            }
            List<?> items = value instanceof List<?> l ? l : List.of(value);
            if (items.isEmpty()) {
                problem("filter.entities", "empty: leave the field out to accept any entity");
            }
            List<EntityCondition> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String path = "filter.entities[" + i + "]";
                if (!(items.get(i) instanceof Map<?, ?> m)) {
                    problem(path, "expected a mapping with id, type and/or minSalience; found " + describe(items.get(i)));
                    continue;
                }
                unknown(m, path + ".", ENTITY_FIELDS);
                String id = null;
                Object rawId = m.get("id");
                if (rawId != null) {
                    if (rawId instanceof Map<?, ?> || rawId instanceof List<?> || rawId.toString().isBlank()) {
                        problem(path + ".id", "expected an entity id such as Q7747 or ws:ilham-aliyev, found " + describe(rawId));
                    } else {
                        id = rawId.toString().strip();
                    }
                }
                EntityType type = null;
                Object rawType = m.get("type");
                if (rawType != null) {
                    String t = rawType.toString().strip().toUpperCase(Locale.ROOT);
                    type = Arrays.stream(EntityType.values()).filter(x -> x.name().equals(t)).findFirst().orElse(null);
                    if (type == null) {
                        problem(path + ".type", "'" + rawType + "' is not one of " + Arrays.toString(EntityType.values()));
                    }
                }
                if (rawId == null && rawType == null) {
                    problem(path, "give an id, a type or both");
                }
                double minSalience = 0.0;
                Object rawSalience = m.get("minSalience");
                if (rawSalience != null) {
                    if (rawSalience instanceof Number n && n.doubleValue() >= 0.0 && n.doubleValue() <= 1.0) {
                        minSalience = n.doubleValue();
                    } else {
                        problem(path + ".minSalience", "expected a number between 0 and 1, found " + describe(rawSalience));
                    }
                }
                if (ok && (id != null || type != null)) {
                    out.add(new EntityCondition(id, type, minSalience));
                }
            }
            return out;
        }
    }
}
