package io.wirestream.benchmarks.enrich;

import java.util.List;

/**
 * News-like articles of a chosen size, built from paragraphs written for Wirestream's benchmarks
 * (Russian and English, with known and unknown names), repeated until the size is reached.
 */
final class SampleArticles {

    private static final List<String> RUSSIAN = List.of(
            "Владимир Путин и Ильхам Алиев, лидеры России и Азербайджана, провели переговоры в Душанбе на полях саммита СНГ.",
            "По словам пресс-секретаря Кремля Дмитрия Пескова, встреча прошла в конструктивной атмосфере и продлилась больше часа.",
            "Политолог Рустам Мамедов считает, что отношения Москвы и Баку постепенно выходят из кризиса, начавшегося прошлой зимой.",
            "«Диалог с Путиным был откровенным», — отметил Мамедов в интервью агентству Интерфакс.",
            "Стороны обсудили транспортные коридоры, поставки газа и сотрудничество в рамках ШОС и ООН.",
            "Министр финансов Антон Силуанов заявил, что правительство не планирует повышать налоги для малого бизнеса.",
            "Глава компании Газпром сообщил о росте поставок в Китай и о переговорах с партнерами из Пекина и Астаны.",
            "Следующая встреча лидеров может пройти в Санкт-Петербурге или в Баку осенью следующего года.");
    private static final List<String> ENGLISH = List.of(
            "Vladimir Putin and Ilham Aliyev met in Dushanbe on the sidelines of the CIS summit, the Kremlin said on Friday.",
            "Putin offered condolences over the plane crash and promised a full and transparent investigation.",
            "Political analyst Rustam Mammadov told Reuters that ties between Moscow and Baku were slowly recovering.",
            "\"The tone has changed,\" Mammadov said, adding that both sides wanted to move past the dispute.",
            "The International Monetary Fund cut its growth forecast for Germany and Italy on Tuesday.",
            "Chief economist Laura Bennett said trade tensions between the United States and China weighed on investment.",
            "Emmanuel Macron urged the European Union to respond together, while Donald Trump defended the tariffs in Washington.",
            "Analysts at Northwind Bank expect the dispute to last into next year, according to a note to clients.");

    private SampleArticles() {
    }

    /** An article of at least {@code chars} chars in "ru" or "en". */
    static String article(String language, int chars, int variant) {
        List<String> paragraphs = switch (language) {
            case "ru" -> RUSSIAN;
            case "en" -> ENGLISH;
            default -> throw new IllegalArgumentException("sample articles exist in ru and en, not '" + language + "'");
        };
        StringBuilder b = new StringBuilder(chars + 200);
        for (int i = variant; b.length() < chars; i++) {
            b.append(paragraphs.get(i % paragraphs.size())).append(i % 3 == 2 ? "\n\n" : " ");
        }
        return b.toString();
    }
}
