package io.wirestream.processors.clean;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextCleanerTest {
    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void shouldRemovePageFurnitureAroundARussianArticleAndKeepItsText() {
        String page = String.join("\n",
            "Перейти к основному контенту",
            "Общество,",
            "0",
            "",
            "Мэр открыл новую станцию метро",
            "",
            "Станцию «Речная» открыли в понедельник после трёх лет строительства.",
            "Фото: Иван Петров / Агентство городских новостей",
            "Пассажиры смогут пересесть на кольцевую линию без выхода в город.",
            "",
            "В парке у реки прошёл осенний фестиваль",
            "Общество",
            "",
            "Читайте также: Как изменится расписание автобусов",
            "По словам мэра, следующая станция откроется весной.");
        TextCleaner.Cleaned cleaned = cleaner.clean(page);
        assertEquals(String.join("\n",
                "Мэр открыл новую станцию метро",
                "",
                "Станцию «Речная» открыли в понедельник после трёх лет строительства.",
                "Пассажиры смогут пересесть на кольцевую линию без выхода в город.",
                "",
                "По словам мэра, следующая станция откроется весной."),
            cleaned.text());
        assertEquals(7, cleaned.removedLines());
    }

    @Test
    void shouldRemoveEnglishShareLinksCreditsAndTeasers() {
        String page = String.join("\n",
            "Skip to main content",
            "Share on Facebook | Twitter | Email",
            "The council approved the new bridge on Tuesday.",
            "Photo: Jane Doe / Reuters",
            "Read more: Five things to know about the budget",
            "Construction starts in May.",
            "© 2025 Example Media Group. All rights reserved.");
        assertEquals("The council approved the new bridge on Tuesday.\nConstruction starts in May.", cleaner.clean(page).text());
    }

    @Test
    void shouldNormaliseUnicodeSpacesAndInvisibleCharacters() {
        String text = "Cafe\u0301\u00a0au  lait\u200b is\tserved.\r\n\r\n\r\nSecond\u00ad paragraph.";
        assertEquals("Café au lait is served.\n\nSecond paragraph.", cleaner.clean(text).text());
    }

    @Test
    void shouldRemoveBidiIsolatesAndUnicodeTagCharacters() {
        // U+2066..U+2069 isolate text direction; U+E0000..U+E007F are invisible tag characters (two of them here)
        String text = "The \u2067harbour\u2069 budget\udb40\udc01\udb40\udc41 passed \u2066on\u2068 Monday.";
        assertEquals("The harbour budget passed on Monday.", cleaner.clean(text).text());
    }

    @Test
    void shouldKeepALongSentenceEvenIfItStartsLikeATeaser() {
        String sentence = "Read more about the plan in the report, which the ministry published on Monday after months of "
            + "consultation with regional governments, transport operators and the unions that represent their staff.";
        assertEquals(sentence, cleaner.clean(sentence).text());
    }

    @Test
    void shouldKeepAHeadlineThatIsNotFollowedByARubric() {
        String text = "Bridge opens after three years\n\nThe bridge opened on Monday.";
        assertEquals(text, cleaner.clean(text).text());
    }
}
