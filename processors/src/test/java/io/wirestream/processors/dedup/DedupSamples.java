package io.wirestream.processors.dedup;

import io.wirestream.avro.RawArticle;
import java.time.Instant;
import java.util.Map;

/** Sample articles written for these tests: a story, a syndicated near-copy, its translation, another story. */
final class DedupSamples {

    static final String STORY = String.join("\n\n",
            "The city library on Mill Street reopened on Saturday after eighteen months of renovation work that cost "
                    + "just under four million euros. Hundreds of residents queued in the rain before the doors opened at nine.",
            "The building now has a children's floor with a reading garden, a room for language courses and a workshop "
                    + "where visitors can repair bicycles and small appliances under the guidance of volunteers.",
            "Head librarian Ilse Marten said the number of registered readers had doubled since the library started "
                    + "lending tools and board games, and that opening hours would be extended to ten in the evening on weekdays.",
            "The council plans to open two smaller branches in the northern districts next year if the budget allows it.");

    /** The same story as a syndicating site publishes it: page debris around, one sentence reworded, a closing line added. */
    static final String NEAR_COPY = String.join("\n\n",
            "Skip to main content",
            "The city library on Mill Street reopened on Saturday after eighteen months of renovation work that cost "
                    + "just under four million euros. Several hundred residents queued in the rain before the doors opened at nine.",
            "The building now has a children's floor with a reading garden, a room for language courses and a workshop "
                    + "where visitors can repair bicycles and small appliances under the guidance of volunteers.",
            "Head librarian Ilse Marten said the number of registered readers had doubled since the library started "
                    + "lending tools and board games, and that opening hours would be extended to ten in the evening on weekdays.",
            "The council plans to open two smaller branches in the northern districts next year if the budget allows it.",
            "Share this article");

    static final String TRANSLATION = String.join("\n\n",
            "Die Stadtbibliothek in der Mühlenstraße hat am Samstag nach achtzehn Monaten Renovierung wieder geöffnet; "
                    + "die Arbeiten kosteten knapp vier Millionen Euro. Hunderte Einwohner standen im Regen Schlange, bevor um neun die Türen aufgingen.",
            "Das Gebäude hat jetzt eine Kinderetage mit Lesegarten, einen Raum für Sprachkurse und eine Werkstatt, in der "
                    + "Besucher unter Anleitung von Ehrenamtlichen Fahrräder und kleine Geräte reparieren können.",
            "Bibliotheksleiterin Ilse Marten sagte, die Zahl der eingeschriebenen Leser habe sich verdoppelt, seit die Bibliothek "
                    + "Werkzeug und Brettspiele verleiht, und die Öffnungszeiten würden werktags bis zehn Uhr abends verlängert.",
            "Der Stadtrat will im nächsten Jahr zwei kleinere Zweigstellen in den nördlichen Vierteln eröffnen, wenn es der Haushalt erlaubt.");

    static final String OTHER_STORY = String.join("\n\n",
            "A regional bus company will replace forty diesel buses with electric ones by the end of next year, its director "
                    + "announced on Thursday at the depot in the harbour district.",
            "Charging stations are being built at two depots, and drivers will be trained in the spring. The company expects "
                    + "fuel costs to fall by a third once the new fleet is in service on the longest routes.",
            "Passenger groups welcomed the plan but asked for more frequent evening services on the lines to the suburbs.");

    static final Instant PUBLISHED = Instant.parse("2025-10-01T08:00:00Z");

    private DedupSamples() {
    }

    static RawArticle article(String id, String url, String title, String body, Instant publishedAt) {
        return RawArticle.newBuilder().setId(id).setSource("test").setOrigin(url == null ? id + ".txt" : url).setUrl(url)
                .setTitle(title).setBody(body).setPublishedAt(publishedAt).setFetchedAt(publishedAt.plusSeconds(60))
                .setLanguageHint(null).setAttributes(Map.of()).build();
    }
}
