package io.wirestream.enrichment.kb;

import com.ibm.icu.util.ULocale;
import io.wirestream.enrichment.entity.EntityType;
import io.wirestream.enrichment.language.NewsLanguages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base shipped in the jar, version {@value #VERSION}:
 * <ul>
 *   <li>{@code countries-v2.tsv}: ISO 3166 code and Wikidata id of each country; the country's name
 *       in every news language is read from ICU's locale data (CLDR), not typed;</li>
 *   <li>{@code entities-v2.jsonl}: heads of state and government and other leaders, capitals,
 *       regional cities and regions with their exonyms (Frankfurt, Francfort, Франкфурт), central
 *       and development banks, airlines and railways, news agencies, international organisations,
 *       with names in several languages and scripts, and long official forms of some country names
 *       (merged into the country of the same id). Version 2 added about 200 entities to version 1;
 *       entities new in version 2 without a verified Wikidata id carry the {@code ws:} id that
 *       version 1 gave the same name as an unknown name, so ids stay stable across versions.</li>
 * </ul>
 */
public final class BundledKnowledgeBase {

    public static final String VERSION = "v2";
    private static final String COUNTRIES = "/io/wirestream/enrichment/kb/countries-" + VERSION + ".tsv";
    private static final String ENTITIES = "/io/wirestream/enrichment/kb/entities-" + VERSION + ".jsonl";

    private BundledKnowledgeBase() {
    }

    /** Every bundled entity, entries of the same id merged. */
    public static List<KbEntity> load() {
        Map<String, KbEntity> byId = new LinkedHashMap<>();
        for (String line : lines(COUNTRIES)) {
            String[] f = line.split("\t");
            if (f.length != 2) {
                throw new IllegalStateException(COUNTRIES + ": expected 'ISO<TAB>Qid', got '" + line + "'");
            }
            KbEntity country = country(f[0], f[1]);
            byId.put(country.id(), country);
        }
        for (String line : lines(ENTITIES)) {
            KbEntity e;
            try {
                e = KbJson.parse(line);
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException(ENTITIES + ": " + ex.getMessage(), ex);
            }
            byId.merge(e.id(), e, (old, add) -> old.withNamesOf(add));
        }
        return List.copyOf(byId.values());
    }

    /** A country named in every news language by ICU; the English name is the canonical one. */
    static KbEntity country(String isoCode, String wikidataId) {
        ULocale region = new ULocale("", isoCode);
        String english = region.getDisplayCountry(ULocale.ENGLISH);
        if (english.equals(isoCode)) {
            throw new IllegalStateException("ICU has no name for country code " + isoCode);
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String lang : NewsLanguages.CODES) {
            String name = region.getDisplayCountry(new ULocale(lang));
            if (!name.equals(isoCode)) {
                names.computeIfAbsent(lang, k -> new ArrayList<>()).add(name);
            }
        }
        return new KbEntity(wikidataId, EntityType.LOCATION, english, names);
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = BundledKnowledgeBase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled knowledge base resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
