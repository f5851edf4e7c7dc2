package io.wirestream.registry.server;

import io.wirestream.registry.client.RegistryErrors;
import io.wirestream.registry.server.RegistryEntry.ConfigEntry;
import io.wirestream.registry.server.RegistryEntry.SchemaEntry;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The registry's rules and state, independent of HTTP and Kafka: subjects with numbered versions, global
 * schema ids, compatibility levels.
 *
 * <ul>
 *   <li>Schemas are compared by Avro's canonical text of the parsed schema ({@link Schema#toString()}), so
 *       whitespace and key order do not matter but docs and defaults do.</li>
 *   <li>Ids are global: a schema registered under a second subject keeps the id it got under the first. New
 *       ids are one more than the highest id known, so they increase monotonically.</li>
 *   <li>A change is applied to memory only after {@link RegistryJournal#append} made it durable.</li>
 * </ul>
 * Thread-safe: reads share a lock, changes are serialised (including their journal write).
 */
public final class RegistryService {
    private final RegistryJournal journal;
    private final CompatibilityLevel defaultLevel;
    private final CompatibilityChecker checker = new CompatibilityChecker();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private final Map<String, List<SchemaEntry>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    // Filled under the read lock by concurrent readers, hence concurrent.
    private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    /** @param defaultLevel the global level until a config entry sets another */
    public RegistryService(RegistryJournal journal, CompatibilityLevel defaultLevel) {
        this.journal = journal;
        this.defaultLevel = defaultLevel;
        this.globalLevel = defaultLevel;
    }

    /** Applies an entry read back from the journal, without writing it again. */
    public void replay(RegistryEntry entry) {
        write(() -> {
            apply(entry);
            return null;
        });
    }

    /** Registers {@code schemaText} under {@code subject}; returns its id (the existing one if already there). */
    public int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        return write(() -> {
            List<SchemaEntry> versions = subjects.getOrDefault(subject, List.of());
            for (SchemaEntry v : versions) {
                if (v.schema().equals(canonical)) {
                    return v.id();
                }
            }
            CompatibilityLevel level = effectiveLevelLocked(subject);
            List<String> broken = checker.check(level, schema, checkable(versions));
            if (!broken.isEmpty()) {
                throw new RegistryException(409, RegistryErrors.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject
                        + "' at compatibility level " + level + ": " + String.join("; ", broken));
            }
            int id = idsByCanonical.getOrDefault(canonical, maxId + 1);
            int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
            SchemaEntry entry = new SchemaEntry(subject, version, id, canonical);
            journal.append(entry);
            apply(entry);
            return id;
        });
    }

    /** The version of {@code subject} holding {@code schemaText}. */
    public SchemaEntry lookup(String subject, String schemaText) {
        String canonical = parse(schemaText).toString();
        return read(() -> {
            for (SchemaEntry v : versionsLocked(subject)) {
                if (v.schema().equals(canonical)) {
                    return v;
                }
            }
            throw new RegistryException(404, RegistryErrors.SCHEMA_NOT_FOUND, "Schema not found under subject '"
                + subject + "'");
        });
    }

    /** A version of {@code subject}: {@code latest}, {@code -1} (latest) or a number from 1. */
    public SchemaEntry version(String subject, String versionSpec) {
        int wanted = parseVersion(versionSpec);
        return read(() -> versionLocked(subject, wanted));
    }

    private SchemaEntry versionLocked(String subject, int wanted) {
        List<SchemaEntry> versions = versionsLocked(subject);
        if (wanted == -1) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == wanted).findFirst().orElseThrow(() ->
            new RegistryException(404, RegistryErrors.VERSION_NOT_FOUND,
                "Version " + wanted + " not found for subject '" + subject + "'"));
    }

    public List<String> subjects() {
        return read(() -> List.copyOf(subjects.keySet()));
    }

    public List<Integer> versions(String subject) {
        return read(() -> versionsLocked(subject).stream().map(SchemaEntry::version).toList());
    }

    public String schemaById(int id) {
        return read(() -> {
            String schema = schemasById.get(id);
            if (schema == null) {
                throw new RegistryException(404, RegistryErrors.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
            }
            return schema;
        });
    }

    /** Every (subject, version) that holds schema {@code id}. */
    public List<SchemaEntry> usesOf(int id) {
        return read(() -> {
            if (!schemasById.containsKey(id)) {
                throw new RegistryException(404, RegistryErrors.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
            }
            List<SchemaEntry> uses = new ArrayList<>();
            subjects.values().forEach(vs -> vs.stream().filter(v -> v.id() == id).forEach(uses::add));
            return uses;
        });
    }

    /**
     * Why {@code schemaText} could not be registered under {@code subject}; empty when it could.
     *
     * @param versionSpec a version to compare with alone, or {@code latest} / null for the versions the
     *                    subject's level compares with on registration (all of them for transitive levels)
     */
    public List<String> testCompatibility(String subject, String versionSpec, String schemaText) {
        Schema schema = parse(schemaText);
        int wanted = versionSpec == null ? -1 : parseVersion(versionSpec);
        return read(() -> {
            List<SchemaEntry> versions = versionsLocked(subject);
            CompatibilityLevel level = effectiveLevelLocked(subject);
            if (wanted == -1) {
                return checker.check(level, schema, checkable(versions));
            }
            return checker.check(level, schema, checkable(List.of(versionLocked(subject, wanted))));
        });
    }

    public CompatibilityLevel globalLevel() {
        return read(() -> globalLevel);
    }

    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        return read(() -> Optional.ofNullable(subjectLevels.get(subject)));
    }

    /** Sets the level of {@code subjectOrNull}, or the global level; returns the level set. */
    public CompatibilityLevel setLevel(String subjectOrNull, String levelName) {
        CompatibilityLevel level = CompatibilityLevel.parse(levelName).orElseThrow(() ->
            new RegistryException(422, RegistryErrors.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '"
                + levelName + "'. Valid values are " + CompatibilityLevel.names()));
        return write(() -> {
            ConfigEntry entry = new ConfigEntry(subjectOrNull, level);
            journal.append(entry);
            apply(entry);
            return level;
        });
    }

    /** The level registrations under {@code subject} are checked with. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return read(() -> effectiveLevelLocked(subject));
    }

    private CompatibilityLevel effectiveLevelLocked(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<SchemaEntry> versionsLocked(String subject) {
        List<SchemaEntry> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new RegistryException(404, RegistryErrors.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private List<CompatibilityChecker.Version> checkable(List<SchemaEntry> versions) {
        return versions.stream()
            .map(v -> new CompatibilityChecker.Version(v.version(),
                parsedById.computeIfAbsent(v.id(), id -> new Schema.Parser().parse(v.schema()))))
            .toList();
    }

    private void apply(RegistryEntry entry) {
        if (entry instanceof SchemaEntry s) {
            List<SchemaEntry> versions = subjects.computeIfAbsent(s.subject(), k -> new ArrayList<>());
            versions.removeIf(v -> v.version() == s.version());
            versions.add(s);
            versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
            schemasById.putIfAbsent(s.id(), s.schema());
            idsByCanonical.putIfAbsent(s.schema(), s.id());
            maxId = Math.max(maxId, s.id());
        } else if (entry instanceof ConfigEntry c) {
            if (c.subject() == null) {
                globalLevel = c.level();
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        }
    }

    /** The level a fresh registry starts with. */
    public CompatibilityLevel defaultLevel() {
        return defaultLevel;
    }

    static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw new RegistryException(422, RegistryErrors.INVALID_SCHEMA, "Invalid schema: the 'schema' field is empty");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw new RegistryException(422, RegistryErrors.INVALID_SCHEMA, "Invalid schema: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Avro 1.12 reports a name that is used but never defined as a NullPointerException
            // "Unknown schema: ...UnresolvedSchema..."; other malformed input may fail in other ways.
            String why = String.valueOf(e.getMessage()).contains("UnresolvedSchema")
                ? "it uses a type name that it does not define (schema references are not supported)"
                : e.toString();
            throw new RegistryException(422, RegistryErrors.INVALID_SCHEMA, "Invalid schema: " + why, e);
        }
    }

    private static int parseVersion(String spec) {
        if ("latest".equals(spec) || "-1".equals(spec)) {
            return -1;
        }
        try {
            int v = Integer.parseInt(spec);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new RegistryException(422, RegistryErrors.INVALID_VERSION, "The specified version '" + spec
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private <R> R read(Supplier<R> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <R> R write(Supplier<R> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
