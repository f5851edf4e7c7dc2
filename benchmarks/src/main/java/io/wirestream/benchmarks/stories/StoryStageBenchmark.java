package io.wirestream.benchmarks.stories;

import io.wirestream.stories.ArticleEvidence;
import io.wirestream.stories.ArticleEvidence.EntityEvidence;
import io.wirestream.stories.EvidenceExtractor;
import io.wirestream.stories.StoryCodec;
import io.wirestream.stories.StoryLinker;
import io.wirestream.stories.StoryParameters;
import io.wirestream.stories.StoryState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per article of the story stage's own work besides linking: reading the evidence of an article
 * ({@code extract}: the title and a lead of about 400 characters) and writing the joined story's store value
 * ({@code encode}, a story of 20 articles in three languages, as the stage does once per article; {@code decode} is
 * the round trip, encode then decode, as a restore reads what was written).
 *
 * <p>The articles are {@link #ARTICLES} made-up reports in six languages, each with its linked mentions; one
 * invocation handles all of them, so the figure is microseconds per article.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class StoryStageBenchmark {
    static final int ARTICLES = 12;

    /** language, title, lead, linked mention texts (separated by |) */
    private static final String[][] TEXTS = {
        {"en", "Harbour Authority Closes Eastgate Pier After Storm Damage",
            "The harbour authority closed Eastgate pier on Tuesday after a storm tore away 120 metres of railing. "
            + "Engineers from Calloway Marine said repairs would cost about 2.4 million and take until March 15. "
            + "\"We will not reopen it before it is safe,\" said Miriam Tolland, the port director. Ferry services "
            + "to Skerrow moved to the north quay, where 1,350 passengers a day now board.", "Eastgate|Miriam Tolland"},
        {"en", "Rail strike halts 40% of trains in the north",
            "Drivers walked out at dawn on 3 June, halting 40% of services across the northern network. The union "
            + "said talks with Brenmoor Rail broke down over a 4.5 per cent pay offer. A second 48-hour strike is "
            + "planned for June 12 unless a new offer is made. Commuters in Hallow Cross queued for buses.", "Brenmoor Rail"},
        {"ru", "Паводок отрезал три посёлка на севере области",
            "Вода поднялась на 2,3 метра за сутки и в среду отрезала посёлки Верхний Бор, Лесное и Заречье. "
            + "По словам главы района Андрея Кольцова, эвакуированы 1 200 жителей. Спасатели ожидают пика "
            + "паводка к 14 апреля. В Лесном закрыта школа, движение по трассе перекрыто на 35 километров.", "Андрея Кольцова|Лесное"},
        {"ru", "Суд отложил рассмотрение иска к заводу «Северсталепрокат»",
            "Арбитражный суд в четверг отложил до 22 мая рассмотрение иска на 480 млн рублей. Истец, компания "
            + "Ростанко, требует возместить убытки от срыва поставок. Представитель завода Ирина Мелехова "
            + "заявила, что предприятие выполнило 96,5 процента обязательств.", "Ирина Мелехова"},
        {"de", "Stadtrat beschließt neue Radwege für die Innenstadt",
            "Der Stadtrat hat am Montag mit 31 zu 17 Stimmen den Bau von 12 Kilometern neuer Radwege beschlossen. "
            + "Die Kosten von 8,6 Millionen Euro trägt zur Hälfte das Land. Baubeginn ist am 1. September, "
            + "Oberbürgermeisterin Katrin Albers sprach von einem guten Tag für die Stadt.", "Katrin Albers"},
        {"de", "Tarifeinigung bei den Verkehrsbetrieben",
            "Nach drei Verhandlungsrunden einigten sich Gewerkschaft und Verkehrsbetriebe am Freitag auf 5,2 "
            + "Prozent mehr Lohn ab dem 1. Juli. Die Laufzeit beträgt 24 Monate. Warnstreiks sind damit vom Tisch.", ""},
        {"fr", "Incendie dans un entrepôt de Villeneuve : 60 pompiers mobilisés",
            "Un incendie s'est déclaré jeudi soir dans un entrepôt de 4 500 mètres carrés à Villeneuve. Selon la "
            + "préfecture, 60 pompiers ont été mobilisés et aucun blessé n'est à déplorer. Le maire, Étienne "
            + "Roussel, a annoncé une réunion publique le 18 octobre.", "Villeneuve|Étienne Roussel"},
        {"fr", "La grève des contrôleurs aériens prolongée jusqu'au 9 mai",
            "Le syndicat a prolongé mardi le mouvement jusqu'au 9 mai. Près de 30 % des vols au départ de Lorvigne "
            + "sont annulés. La ministre Hélène Baudry appelle à reprendre le dialogue.", "Hélène Baudry"},
        {"es", "El ayuntamiento aprueba un plan de vivienda de 300 millones",
            "El pleno aprobó el lunes 14 de febrero un plan de 300 millones de euros para construir 2.500 "
            + "viviendas en cinco años. La alcaldesa, Lucía Ferrán, dijo que las obras empiezan en marzo. "
            + "La oposición votó en contra por el coste de 1,2 millones por hectárea.", "Lucía Ferrán"},
        {"es", "Terremoto de magnitud 5,8 sacude la costa sur",
            "Un terremoto de magnitud 5,8 sacudió el miércoles la costa sur. El instituto sismológico situó el "
            + "epicentro a 12 kilómetros de Puerto Almenar, a 10 km de profundidad. No hay víctimas.", "Puerto Almenar"},
        {"it", "Chiusa per frana la strada provinciale 27",
            "Una frana ha chiuso sabato la strada provinciale 27 tra Valdorno e Castelmonte. Secondo il sindaco "
            + "Paolo Ferretti, la riapertura è prevista per il 3 novembre. I lavori costeranno 750 mila euro.", "Paolo Ferretti"},
        {"it", "Sciopero dei medici: rinviati 1.800 interventi",
            "Lo sciopero di 24 ore dei medici ospedalieri ha fatto rinviare venerdì 1.800 interventi. Il sindacato "
            + "chiede 3,5 miliardi per il rinnovo del contratto scaduto il 31 dicembre.", ""},
    };

    private final List<String[]> articles = new ArrayList<>();
    private final List<List<String>> mentions = new ArrayList<>();
    private StoryState story;

    @Setup
    public void setUp() {
        for (String[] t : TEXTS) {
            articles.add(t);
            mentions.add(t[3].isEmpty() ? List.of() : List.of(t[3].split("\\|")));
        }
        StoryLinker linker = new StoryLinker(StoryParameters.DEFAULTS);
        EntityEvidence shared = new EntityEvidence("Q4200", "Eastgate", 0.5);
        StoryLinker.Outcome last = null;
        for (int i = 0; i < 20; i++) {
            String[] t = TEXTS[i % 3];
            ArticleEvidence a = EvidenceExtractor.extract("article-" + i, t[0], 1_760_000_000_000L + i * 60_000L, t[1], t[2],
                    List.of(shared), List.of("Eastgate"));
            last = linker.link(a, 1_760_000_000_000L + i * 60_000L);
        }
        story = last.story();
    }

    @Benchmark
    @OperationsPerInvocation(ARTICLES)
    public int extract() {
        int keys = 0;
        for (int i = 0; i < ARTICLES; i++) {
            String[] t = articles.get(i);
            ArticleEvidence a = EvidenceExtractor.extract("a" + i, t[0], 1_760_000_000_000L, t[1], t[2], List.of(), mentions.get(i));
            keys += a.numbers().size() + a.dates().size() + a.terms().size() + a.names().size();
        }
        return keys;
    }

    @Benchmark
    public byte[] encode() {
        return StoryCodec.encode(story);
    }

    @Benchmark
    public StoryState decode() {
        return StoryCodec.decode(StoryCodec.encode(story));
    }
}
