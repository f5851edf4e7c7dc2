package io.wirestream.ingest.source;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and fully validates a sources file, YAML ({@code .yaml}, {@code .yml}) or properties (any other name).
 *
 * <p>YAML: a list of entries, at the top or under {@code sources:}:
 * <pre>
 * sources:
 *   - name: city-news
 *     kind: feed               # feed | page | folder | push
 *     url: https://news.example.org/rss.xml
 *     interval: 5m
 *     options: {fetch-pages: true, min-content-chars: 400}
 *   - name: inbox
 *     kind: folder
 *     path: /srv/wirestream/inbox
 *   - name: partners
 *     kind: push
 *     port: 8088
 * </pre>
 * Properties: {@code source.<name>.<field>=...} and {@code source.<name>.option.<option>=...}, entries in name order.
 *
 * <p>Every problem is collected and reported at once, each naming the entry (number and name) and the field.
 * YAML is read with snakeyaml's {@link SafeConstructor} (plain maps, lists and scalars only; no object tags)
 * and with limits on aliases and size.
 */
public final class SourcesFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> FIELDS = Set.of("name", "kind", "url", "path", "port", "interval", "options");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private SourcesFile() {
    }

    public static List<SourceDefinition> load(Path file) throws SourcesFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourcesFileException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path base = file.toAbsolutePath().getParent();
        return name.endsWith(".yaml") || name.endsWith(".yml")
            ? parseYaml(file.toString(), text, base) : parseProperties(file.toString(), text, base);
    }

    /** Parses YAML text; relative folder paths are resolved against {@code base}. */
    public static List<SourceDefinition> parseYaml(String fileName, String text, Path base) throws SourcesFileException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(1024 * 1024);
        Object root;
        try (Reader reader = new StringReader(text)) {
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException | IOException e) {
            throw new SourcesFileException(fileName, List.of("not valid YAML: " + e.getMessage()));
        }
        if (root instanceof Map<?, ?> map) {
            Set<?> extra = new HashSet<>(map.keySet());
            extra.remove("sources");
            if (!extra.isEmpty() || !map.containsKey("sources")) {
                throw new SourcesFileException(fileName, List.of("expected a list of sources, at the top or under 'sources:'"
                    + (extra.isEmpty() ? "" : "; unknown top-level keys " + extra)));
            }
            root = map.get("sources");
        }
        if (!(root instanceof List<?> list) || list.isEmpty()) {
            throw new SourcesFileException(fileName, List.of("expected a non-empty list of sources, at the top or under 'sources:'"));
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> m) {
                Map<String, Object> entry = new LinkedHashMap<>();
                m.forEach((k, v) -> entry.put(String.valueOf(k), v));
                entries.add(entry);
            } else {
                problems.add("source #" + (i + 1) + ": expected a mapping with name, kind, ..., found " + describe(list.get(i)));
                entries.add(null);
            }
        }
        return validate(fileName, entries, base, problems);
    }

    /** Parses properties text ({@code source.<name>.<field>}); relative folder paths are resolved against {@code base}. */
    public static List<SourceDefinition> parseProperties(String fileName, String text, Path base) throws SourcesFileException {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new SourcesFileException(fileName, List.of("not a valid properties file: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> byName = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            String[] parts = key.split("\\.", 3);
            if (parts.length < 3 || !parts[0].equals("source")) {
                problems.add("key '" + key + "': expected source.<name>.<field> or source.<name>.option.<option>");
                continue;
            }
            Map<String, Object> entry = byName.computeIfAbsent(parts[1], n -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", n);
                return e;
            });
            String field = parts[2];
            if (field.startsWith("option.")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> opts = (Map<String, Object>) entry.computeIfAbsent("options", k -> new LinkedHashMap<String, Object>());
                opts.put(field.substring("option.".length()), props.getProperty(key).strip());
            } else {
                entry.put(field, props.getProperty(key).strip());
            }
        }
        if (byName.isEmpty() && problems.isEmpty()) {
            throw new SourcesFileException(fileName, List.of("no sources: expected keys source.<name>.kind, source.<name>.url, ..."));
        }
        return validate(fileName, new ArrayList<>(byName.values()), base, problems);
    }

    private static List<SourceDefinition> validate(String fileName, List<Map<String, Object>> entries, Path base,
                                                   List<String> problems) throws SourcesFileException {
        List<SourceDefinition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Integer, String> ports = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> e = entries.get(i);
            if (e == null) {
                continue;
            }
            Object rawName = e.get("name");
            String label = "source #" + (i + 1) + (rawName == null ? "" : " '" + rawName + "'");
            Entry entry = new Entry(label, problems);
            for (String field : e.keySet()) {
                if (!FIELDS.contains(field)) {
                    entry.problem(field, "unknown field (known: name, kind, url, path, port, interval, options)");
                }
            }
            String name = entry.string(e, "name", true);
            if (name != null && !NAME.matcher(name).matches()) {
                entry.problem("name", "'" + name + "' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
            } else if (name != null && !names.add(name)) {
                entry.problem("name", "'" + name + "' is used by an earlier source");
            }
            String kindText = entry.string(e, "kind", true);
            SourceKind kind = kindText == null ? null : SourceKind.parse(kindText).orElse(null);
            if (kindText != null && kind == null) {
                entry.problem("kind", "'" + kindText + "' is not one of feed, page, folder, push");
            }
            URI url = null;
            Path path = null;
            Integer port = null;
            Duration interval = null;
            if (kind != null) {
                boolean wantsUrl = kind == SourceKind.FEED || kind == SourceKind.PAGE;
                url = wantsUrl ? entry.url(e) : entry.absent(e, "url", kind);
                path = kind == SourceKind.FOLDER ? entry.path(e, base) : entry.absent(e, "path", kind);
                port = kind == SourceKind.PUSH ? entry.port(e) : entry.absent(e, "port", kind);
                interval = kind == SourceKind.PUSH ? entry.absent(e, "interval", kind) : entry.interval(e);
                if (port != null && port != 0) {
                    String earlier = ports.putIfAbsent(port, name);
                    if (earlier != null) {
                        entry.problem("port", port + " is used by push source '" + earlier + "' too");
                    }
                }
            }
            Map<String, String> options = kind == null ? Map.of() : entry.options(e, kind);
            if (entry.ok() && name != null && kind != null) {
                out.add(new SourceDefinition(name, kind, url, path, port, interval, options));
            }
        }
        if (!problems.isEmpty()) {
            throw new SourcesFileException(fileName, problems);
        }
        return out;
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : v instanceof List ? "a list" : v instanceof Map ? "a mapping" : "'" + v + "'";
    }

    /** Reads the fields of one entry, recording problems that name the entry and field. */
    private static final class Entry {
        private final String label;
        private final List<String> problems;
        private final int before;

        Entry(String label, List<String> problems) {
            this.label = label;
            this.problems = problems;
            this.before = problems.size();
        }

        boolean ok() {
            return problems.size() == before;
        }

        void problem(String field, String message) {
            problems.add(label + ": field '" + field + "': " + message);
        }

        String string(Map<String, Object> e, String field, boolean required) {
            Object v = e.get(field);
            if (v == null) {
                if (required) {
                    problem(field, "is missing");
                }
                return null;
            }
            if (v instanceof Map || v instanceof List) {
                problem(field, "expected a single value, found " + describe(v));
                return null;
            }
            String s = String.valueOf(v).strip();
            if (s.isEmpty() && required) {
                problem(field, "is empty");
                return null;
            }
            return s;
        }

        <T> T absent(Map<String, Object> e, String field, SourceKind kind) {
            if (e.get(field) != null) {
                problem(field, "is not used by " + kind.label() + " sources");
            }
            return null;
        }

        URI url(Map<String, Object> e) {
            String s = string(e, "url", true);
            if (s == null) {
                return null;
            }
            try {
                URI uri = new URI(s);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    problem("url", "must be an http or https URL with a host, was '" + s + "'");
                    return null;
                }
                return uri;
            } catch (URISyntaxException ex) {
                problem("url", "'" + s + "' is not a URL: " + ex.getReason());
                return null;
            }
        }

        Path path(Map<String, Object> e, Path base) {
            String s = string(e, "path", true);
            if (s == null) {
                return null;
            }
            try {
                Path p = Path.of(s);
                p = (p.isAbsolute() || base == null ? p : base.resolve(p)).normalize();
                if (!Files.isDirectory(p)) {
                    problem("path", "'" + p + "' is not an existing folder");
                    return null;
                }
                return p;
            } catch (InvalidPathException ex) {
                problem("path", "'" + s + "' is not a valid path: " + ex.getReason());
                return null;
            }
        }

        Integer port(Map<String, Object> e) {
            String s = string(e, "port", true);
            if (s == null) {
                return null;
            }
            try {
                int p = Integer.parseInt(s);
                if (p < 0 || p > 65535) {
                    problem("port", p + " is not a TCP port (0..65535; 0 picks a free one)");
                    return null;
                }
                return p;
            } catch (NumberFormatException ex) {
                problem("port", "'" + s + "' is not a number");
                return null;
            }
        }

        Duration interval(Map<String, Object> e) {
            String s = string(e, "interval", false);
            if (s == null) {
                return null;
            }
            return duration("interval", s);
        }

        private Duration duration(String field, String s) {
            try {
                Duration d = Durations.parse(s);
                if (d.compareTo(MIN_INTERVAL) < 0) {
                    problem(field, "'" + s + "' is shorter than " + MIN_INTERVAL.toMillis() + "ms");
                    return null;
                }
                return d;
            } catch (IllegalArgumentException ex) {
                problem(field, ex.getMessage());
                return null;
            }
        }

        Map<String, String> options(Map<String, Object> e, SourceKind kind) {
            Object raw = e.get("options");
            if (raw == null) {
                return Map.of();
            }
            if (!(raw instanceof Map<?, ?> map)) {
                problem("options", "expected a mapping of option: value, found " + describe(raw));
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            Set<String> allowed = SourceOptions.ALLOWED.get(kind);
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                String field = "options." + key;
                if (!allowed.contains(key)) {
                    problem(field, "unknown option for " + kind.label() + " sources (known: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(allowed))) + ")");
                    return;
                }
                String value = v == null ? "" : String.valueOf(v).strip();
                if (checkOption(field, key, value)) {
                    out.put(key, value);
                }
            });
            return out;
        }

        private boolean checkOption(String field, String key, String value) {
            switch (key) {
                case SourceOptions.FETCH_PAGES -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        problem(field, "expected true or false, was '" + value + "'");
                        return false;
                    }
                }
                case SourceOptions.MIN_CONTENT_CHARS, SourceOptions.MAX_BATCH -> {
                    try {
                        int n = Integer.parseInt(value);
                        if (n < 1 || n > 1_000_000) {
                            problem(field, "expected 1..1000000, was " + n);
                            return false;
                        }
                    } catch (NumberFormatException ex) {
                        problem(field, "'" + value + "' is not a whole number");
                        return false;
                    }
                }
                case SourceOptions.STABLE -> {
                    try {
                        Durations.parse(value);
                    } catch (IllegalArgumentException ex) {
                        problem(field, ex.getMessage());
                        return false;
                    }
                }
                case SourceOptions.BIND -> {
                    if (value.isEmpty() || !value.matches("[A-Za-z0-9.:\\[\\]-]+")) {
                        problem(field, "expected a host name or IP address, was '" + value + "'");
                        return false;
                    }
                }
                default -> throw new IllegalStateException("option without a check: " + key);
            }
            return true;
        }
    }
}
