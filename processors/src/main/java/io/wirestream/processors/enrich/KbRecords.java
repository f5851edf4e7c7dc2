package io.wirestream.processors.enrich;

import io.wirestream.avro.kb.KbEntityType;
import io.wirestream.avro.kb.KbEntry;
import io.wirestream.avro.kb.KbName;
import io.wirestream.enrichment.entity.EntityType;
import io.wirestream.enrichment.kb.KbEntity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversion between knowledge-base entities and their {@code news.kb} records. */
public final class KbRecords {

    private KbRecords() {
    }

    public static KbEntry toRecord(KbEntity entity, String source) {
        List<KbName> names = new ArrayList<>();
        entity.names().forEach((lang, list) -> list.forEach(n -> names.add(new KbName(lang, n))));
        return KbEntry.newBuilder()
                .setId(entity.id())
                .setType(KbEntityType.valueOf(entity.type().name()))
                .setCanonicalName(entity.canonicalName())
                .setNames(names)
                .setSource(source)
                .build();
    }

    /** The entity of a record; throws IllegalArgumentException naming the field when it is invalid. */
    public static KbEntity fromRecord(KbEntry entry) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (KbName n : entry.getNames()) {
            names.computeIfAbsent(n.getLanguage(), k -> new ArrayList<>()).add(n.getName());
        }
        return new KbEntity(entry.getId(), EntityType.valueOf(entry.getType().name()), entry.getCanonicalName(), names);
    }
}
