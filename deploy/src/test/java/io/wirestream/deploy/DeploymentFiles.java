package io.wirestream.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The deployment files parsed, and the one thing the tests need from each: the containers that run the
 * Wirestream image, with their arguments and the environment they would see (ConfigMap entries resolved,
 * Secret references replaced by sample values of the right form).
 */
final class DeploymentFiles {
    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final String IMAGE_PREFIX = "wirestream:";
    /** Sample values for Secret keys: the real ones exist only in the cluster. */
    static final Map<String, String> SECRET_SAMPLES = Map.of(
        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
        "user-info", "user:password",
        "truststore-password", "password",
        "keystore-password", "password",
        "token", "0123456789abcdef0123456789abcdef");

    /** A container running the Wirestream image: where it is declared, its arguments and environment. */
    record Workload(String where, List<String> args, Map<String, String> env) {
        String command() {
            return args.isEmpty() ? "" : args.get(0);
        }
    }

    private DeploymentFiles() {
    }

    static Map<String, Object> compose() {
        return map(load(DEPLOY.resolve("docker-compose.yml")).get(0));
    }

    static List<Map<String, Object>> kubernetes() {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                load(f).stream().filter(Objects::nonNull).map(DeploymentFiles::map).forEach(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Map<String, Object>> kind(String kind) {
        return kubernetes().stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> named(String kind, String name) {
        return kind(kind).stream().filter(d -> name.equals(path(d, "metadata", "name"))).findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in deploy/k8s"));
    }

    static Map<String, String> configMap() {
        Map<String, String> data = new LinkedHashMap<>();
        map(path(named("ConfigMap", "wirestream-config"), "data")).forEach((k, v) -> data.put(k, String.valueOf(v)));
        return data;
    }

    /** Every container of compose and Kubernetes that runs the Wirestream image with its own entry point. */
    static List<Workload> workloads() {
        List<Workload> out = new ArrayList<>();
        map(compose().get("services")).forEach((name, s) -> {
            Map<String, Object> service = map(s);
            if (String.valueOf(service.get("image")).startsWith(IMAGE_PREFIX)) {
                Map<String, String> env = new LinkedHashMap<>();
                Object e = service.get("environment");
                if (e != null) {
                    map(e).forEach((k, v) -> env.put(k, String.valueOf(v)));
                }
                out.add(new Workload("compose service " + name, strings(service.get("command")), env));
            }
        });
        Map<String, String> configMap = configMap();
        for (Map<String, Object> doc : kubernetes()) {
            Object spec = switch (String.valueOf(doc.get("kind"))) {
                case "Deployment", "Job" -> path(doc, "spec", "template", "spec");
                default -> null;
            };
            if (spec == null) {
                continue;
            }
            for (Object c : list(map(spec).get("containers"))) {
                Map<String, Object> container = map(c);
                if (!String.valueOf(container.get("image")).startsWith(IMAGE_PREFIX) || container.containsKey("command")) {
                    continue;
                }
                Map<String, String> env = new LinkedHashMap<>();
                for (Object from : list(container.get("envFrom"))) {
                    Object ref = path(map(from), "configMapRef", "name");
                    if ("wirestream-config".equals(ref)) {
                        env.putAll(configMap);
                    }
                }
                for (Object item : list(container.get("env"))) {
                    Map<String, Object> var = map(item);
                    String name = String.valueOf(var.get("name"));
                    if (var.containsKey("value")) {
                        env.put(name, String.valueOf(var.get("value")));
                    } else if (path(var, "valueFrom", "secretKeyRef") != null) {
                        String key = String.valueOf(path(var, "valueFrom", "secretKeyRef", "key"));
                        env.put(name, Objects.requireNonNull(SECRET_SAMPLES.get(key), "no sample for secret key " + key));
                    } else if (path(var, "valueFrom", "configMapKeyRef") != null) {
                        env.put(name, configMap.get(String.valueOf(path(var, "valueFrom", "configMapKeyRef", "key"))));
                    }
                }
                out.add(new Workload(doc.get("kind") + " " + path(doc, "metadata", "name") + " container " + container.get("name"),
                    strings(container.get("args")), env));
            }
        }
        return out;
    }

    static List<Object> load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Object> docs = new ArrayList<>();
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(r).forEach(docs::add);
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The value at a path of map keys, or null. */
    static Object path(Object root, String... keys) {
        Object o = root;
        for (String k : keys) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            o = m.get(k);
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + o);
        }
        return (Map<String, Object>) o;
    }

    static List<Object> list(Object o) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw new AssertionError("expected a list, found " + o);
        }
        return new ArrayList<>(l);
    }

    static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }
}
