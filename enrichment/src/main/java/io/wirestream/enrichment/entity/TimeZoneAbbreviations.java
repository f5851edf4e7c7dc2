package io.wirestream.enrichment.entity;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

/**
 * Abbreviations of time zones (GMT, UTC, EST, CET, MSK), from the JDK's time-zone data: written in
 * capitals like an organisation's acronym, yet never a name ("at 14:00 GMT").
 */
final class TimeZoneAbbreviations {

    private static final Set<String> ABBREVIATIONS = load();

    private TimeZoneAbbreviations() {
    }

    static boolean is(String word) {
        return ABBREVIATIONS.contains(word);
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>(Set.of("GMT", "UTC", "UT", "Z"));
        for (String id : TimeZone.getAvailableIDs()) {
            if (id.length() <= 4 && id.chars().allMatch(Character::isUpperCase)) {
                out.add(id);
            }
            TimeZone zone = TimeZone.getTimeZone(id);
            for (boolean daylight : new boolean[] {false, true}) {
                String name = zone.getDisplayName(daylight, TimeZone.SHORT, Locale.ENGLISH);
                if (name.length() >= 2 && name.length() <= 5 && name.chars().allMatch(Character::isUpperCase)) {
                    out.add(name);
                }
            }
        }
        return Set.copyOf(out);
    }
}
