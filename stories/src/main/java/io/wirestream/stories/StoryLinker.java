package io.wirestream.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Assigns articles to stories: one event reported by several outlets, in several languages.
 *
 * <p>An article's evidence ({@link ArticleEvidence}) becomes weighted keys: entities ({@code e:<id>}, weight
 * the salience relative to the article's most salient entity), numbers ({@code n:}), dates ({@code d:}) and
 * title terms ({@code t:<language>:<stem>}), unlinked names (as unknown names' entity keys) and weekdays
 * ({@code d:wd1} to {@code d:wd7}). An inverted index maps each key to the open stories that hold it, listing at
 * most {@link StoryParameters#maxPostings()} of them: those that most recently got an article with the key.
 * Candidates are the listed stories of the article's keys within the join gap, visited rarest key first and at
 * most {@link #VISIT_BUDGET} in all, so the work per article is a constant, whatever the number of open stories. A candidate scores the sum, over shared
 * keys, of kind weight x article weight x story weight x rarity, where rarity is {@code 1 / (1 + log2(stories
 * within the join gap holding the key))} (an IDF of the article's days), scaled down by up to half as the time
 * gap approaches {@link StoryParameters#joinGapMs()}.
 *
 * <p>A candidate is joined only when all of these hold: the time gap is within the join gap; the score reaches
 * {@link StoryParameters#minScore()}; at least {@link StoryParameters#minPieces()} pieces of evidence are
 * shared, one of them an entity; and, when the story already has headlines in the article's language, at
 * least one headline term is shared with them. The last rule keeps apart different events with the same
 * people in the same days (a meeting and a phone call of the same two presidents): across languages only
 * the entities, numbers and dates can tell, within a language the wording must agree somewhere too. Without
 * wording to compare, one piece more than the minimum is needed; and an article that names weekdays joins no
 * story that names only other weekdays.
 *
 * <p>When an article qualifies for several stories it joins the best and the others are merged with it, unless
 * they have headlines in a common language that share no term (then they are taken for different events and
 * stay apart); the oldest (first seen) of the merged stories absorbs the others, each merge reported as a
 * {@link Merge}. A story closes when no article has joined it for {@link StoryParameters#quietAfterMs()} of
 * processing time, or earlier when more than {@link StoryParameters#maxOpenStories()} are open (the
 * longest-quiet first).
 *
 * <p>Not thread-safe; one linker owns all open stories (story assignment is a global decision).
 */
public final class StoryLinker {
    private static final String WEEKDAY_PREFIX = "d:wd";
    /** How many of the top entities of an article count as evidence. */
    static final int ARTICLE_ENTITIES = 12;
    /** Entities less salient than this share of the article's top entity are not evidence. */
    static final double MIN_RELATIVE_SALIENCE = 0.15;
    /** An entity's weight: this floor plus the rest in proportion to its salience relative to the top entity. */
    static final double ENTITY_FLOOR = 0.5;
    static final float NUMBER_WEIGHT = 0.6f;
    /** The weight of a name that entity linking left out (it has no salience): that of a minor entity. */
    static final float NAME_WEIGHT = 0.6f;
    /** The weight of such a name in the headline: that of a top entity. */
    static final float HEADLINE_NAME_WEIGHT = 1.0f;
    static final float DATE_WEIGHT = 0.6f;
    /** How fast a key loses weight as more open stories hold it: 1 / (1 + slope x log2(stories holding it)). */
    static final double RARITY_SLOPE = 1.0;
    /** Candidates scored in full, the best by the rare keys that found them. */
    static final int SCORED_CANDIDATES = 32;
    /**
     * The most postings one article visits to find candidates, its rarest keys first: a key listed by more open
     * stories is the weaker evidence, and visiting it adds candidates the rarer keys already rank. This makes the
     * work per article a constant instead of growing with the open stories until every key's list is full.
     */
    static final int VISIT_BUDGET = 2 * SCORED_CANDIDATES;
    /** A shared key counts as a piece of evidence when article weight x story weight reaches this. */
    static final double PIECE_WEIGHT = 0.1;

    private final StoryParameters parameters;
    private final Map<String, StoryState> open = new HashMap<>();
    private final TreeSet<Quiet> byLastArrival = new TreeSet<>(Comparator.comparingLong(Quiet::lastArrival).thenComparing(Quiet::id));
    private final Map<String, PostingList> postings = new HashMap<>();
    private final IdPool keyIds = new IdPool();
    private final StorySlots slots = new StorySlots();
    private final CandidateSums found = new CandidateSums(VISIT_BUDGET);
    /**
     * Entity ids' keys ({@link #entityKey}) as computed before: a story over its key limit drops the entities whose
     * keys it dropped, and looks up the keys of its new entities and of those that may have lost theirs on each
     * update ({@link KeyTrim}). Emptied when full.
     */
    private final Map<String, String> entityKeys = new HashMap<>();
    private final KeyTrim keyTrim = new KeyTrim(this::cachedEntityKey);
    static final int ENTITY_KEYS_CACHED = 1 << 16;
    /** Postings visited by the last {@link #link} call (for tests of the visit budget). */
    private int lastVisited;

    /** The story an article went to, and the evidence it shared with it (empty when it started the story). */
    public record Assignment(String storyId, boolean started, List<String> sharedEntities, List<String> sharedTerms,
                             List<String> sharedNumbers, List<String> sharedDates, long timeGapMs, double score) {
    }

    /** A story merged into another: {@code absorbed} (its state before the merge) now lives on as {@code into}. */
    public record Merge(StoryState absorbed, String into) {
    }

    /**
     * What linking one article changed.
     *
     * @param story  the story the article is in now, after the article and any merge
     * @param merges the stories merged into {@code story}
     * @param closed the stories closed because they went quiet (or the open limit was passed)
     */
    public record Outcome(Assignment assignment, StoryState story, List<Merge> merges, List<StoryState> closed) {
    }

    private record Quiet(long lastArrival, String id) {
    }

    private record Candidate(StoryState story, double score, long gap, List<String> entities, List<String> terms,
                             List<String> numbers, List<String> dates, int pieces) {
    }

    /**
     * An article's keys as parallel arrays in the order of {@link #keysOf}: name, weight, the key's postings
     * ({@code null} when no open story holds it) and how many open stories within the join gap hold it, as the
     * candidate search counted them.
     */
    private static final class ArticleKeys {
        final String[] names;
        final float[] weights;
        final PostingList[] postings;
        final int[] holders;
        private final ArticleEvidence article;
        private Map<String, String> displayIds;

        ArticleKeys(ArticleEvidence article, Map<String, Float> keys, Map<String, PostingList> index) {
            this.article = article;
            int n = keys.size();
            names = new String[n];
            weights = new float[n];
            postings = new PostingList[n];
            holders = new int[n];
            int i = 0;
            for (Map.Entry<String, Float> k : keys.entrySet()) {
                names[i] = k.getKey();
                weights[i] = k.getValue();
                postings[i] = index.get(k.getKey());
                holders[i] = 1;
                i++;
            }
        }

        /** The shown id of an entity key: the article's entity id (not its skeleton), made once per article. */
        String displayId(String key) {
            if (displayIds == null) {
                displayIds = new HashMap<>();
                article.entities().forEach(e -> displayIds.putIfAbsent(entityKey(e.id()), e.id()));
                article.names().forEach(n -> displayIds.putIfAbsent(entityKey("ws:" + n.id()), "ws:" + n.id()));
            }
            return displayIds.getOrDefault(key, key.substring(2));
        }
    }

    public StoryLinker(StoryParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public StoryParameters parameters() {
        return parameters;
    }

    public int openStories() {
        return open.size();
    }

    public StoryState story(String id) {
        return open.get(id);
    }

    /**
     * The evidence key of an entity: its id, except that ids transliterated from an unknown name ({@code ws:}) are
     * reduced to a consonant skeleton, so that transliterations of one name from different scripts meet
     * ({@code ws:magnus-karlsen} and {@code ws:magnus-carlsen}, {@code ws:hokaydo} and {@code ws:hokkaido}).
     */
    static String entityKey(String entityId) {
        return entityId.startsWith("ws:") ? "e:ws~" + skeleton(entityId.substring(3)) : "e:" + entityId;
    }

    /**
     * The consonant skeleton of a romanised name, part by part ({@code -} separated): lower case; {@code ph},
     * {@code kh}, {@code ck} and {@code x} read as {@code f}, {@code h}, {@code k} and {@code ks} (in that order,
     * each over the result of the one before); then a {@code c} before {@code e}, {@code i} or {@code y} as
     * {@code s}, any other {@code c} and {@code q} as {@code k}, {@code w} as {@code v}, {@code y} and {@code j}
     * as {@code i}; of each part the first letter and the consonants ({@code h} counts as a vowel), a letter
     * repeated after itself (vowels between) kept once. One pass after the multi-letter rewrites: it is called
     * for every unlinked name of every article and story update.
     */
    static String skeleton(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT)
                .replace("ph", "f").replace("kh", "h").replace("ck", "k").replace("x", "ks");
        StringBuilder out = new StringBuilder(s.length());
        int partStart = -1;
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') {
                partStart = -1;
                continue;
            }
            c = switch (c) {
                case 'c' -> i + 1 < s.length() && "eiy".indexOf(s.charAt(i + 1)) >= 0 ? 's' : 'k';
                case 'q' -> 'k';
                case 'w' -> 'v';
                case 'y', 'j' -> 'i';
                default -> c;
            };
            boolean first = partStart < 0;
            if (first) {
                partStart = i;
                last = 0;
                if (out.length() > 0) {
                    out.append('-');
                }
            }
            boolean vowel = "aeiouh".indexOf(c) >= 0;
            if ((first || !vowel) && c != last) {
                out.append(c);
            }
            if (!vowel || first) {
                last = c;
            }
        }
        return out.toString();
    }

    /** {@link #entityKey}, remembered for the next {@value #ENTITY_KEYS_CACHED} entity ids or so. */
    private String cachedEntityKey(String entityId) {
        String key = entityKeys.get(entityId);
        if (key == null) {
            if (entityKeys.size() >= ENTITY_KEYS_CACHED) {
                entityKeys.clear();
            }
            key = entityKey(entityId);
            entityKeys.put(entityId, key);
        }
        return key;
    }

    /** The id of a story started by an article: derived from the article id, so a replay gives the same id. */
    public static String storyIdOf(String articleId) {
        return "story-" + articleId;
    }

    /** Puts a story back into the index, as it was stored (at start-up, from the store). */
    public void restore(StoryState story) {
        Objects.requireNonNull(story, "story");
        if (open.containsKey(story.id())) {
            throw new IllegalStateException("story " + story.id() + " is already open");
        }
        index(story);
    }

    /** {@link #link(ArticleEvidence, long)} with the article arriving at its own time (articles replayed in time order). */
    public Outcome link(ArticleEvidence article) {
        return link(article, article.time());
    }

    /**
     * Assigns the article to a story: an open one it shares enough evidence with, or a new one.
     *
     * @param now processing time: stories no article joined for {@link StoryParameters#quietAfterMs()} before it close
     *            first. Closing goes by arrival, not by publication time, so that articles that arrive out of time
     *            order (a backfill, a slow feed) still find the stories of their days open; whether an article may
     *            join a story goes by publication time ({@link StoryParameters#joinGapMs()}).
     */
    public Outcome link(ArticleEvidence article, long now) {
        Objects.requireNonNull(article, "article");
        List<StoryState> closed = expire(now);
        Map<String, Float> keys = keysOf(article);

        ArticleKeys articleKeys = new ArticleKeys(article, keys, postings);
        List<Candidate> qualified = new ArrayList<>();
        for (int slot : candidates(article.time(), articleKeys)) {
            Candidate c = score(article, articleKeys, slot);
            if (c != null && qualifies(article, keys, c)) {
                qualified.add(c);
            }
        }
        StoryState target;
        Assignment assignment;
        List<Merge> merges = new ArrayList<>();
        if (qualified.isEmpty()) {
            target = StoryState.start(storyIdOf(article.articleId()), article.time());
            if (open.containsKey(target.id())) {
                // the same article again (a replay that the caller did not catch): it stays in its story
                target = open.get(target.id());
            } else {
                index(target);
            }
            assignment = new Assignment(target.id(), true, List.of(), List.of(), List.of(), List.of(), 0, 0);
        } else {
            qualified.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.story().id()));
            Candidate best = qualified.get(0);
            // the other stories the article qualifies for are merged with the best one, unless their headlines
            // in a language both have share nothing: two events the article's evidence cannot tell apart
            List<StoryState> merging = new ArrayList<>();
            merging.add(best.story());
            for (Candidate c : qualified.subList(1, qualified.size())) {
                if (merging.stream().allMatch(m -> compatible(m, c.story()))) {
                    merging.add(c.story());
                }
            }
            target = merging.stream().min(Comparator.comparingLong(StoryState::firstSeen).thenComparing(StoryState::id)).orElseThrow();
            for (StoryState m : merging) {
                if (m != target) {
                    merges.add(merge(m, target));
                }
            }
            assignment = new Assignment(target.id(), false, best.entities(), best.terms(), best.numbers(), best.dates(), best.gap(),
                    best.score());
        }
        StoryState story = target;
        update(story, () -> {
            story.addArticle(article, parameters.latestArticles());
            story.arrived(now);
        });
        keys.forEach((k, w) -> addKey(story, k, w));
        trimKeys(story);
        closed.addAll(enforceLimit(story.id()));
        return new Outcome(assignment, story, List.copyOf(merges), List.copyOf(closed));
    }

    /** The article's evidence as weighted keys. */
    static Map<String, Float> keysOf(ArticleEvidence a) {
        Map<String, Float> keys = new LinkedHashMap<>();
        double top = a.entities().stream().mapToDouble(ArticleEvidence.EntityEvidence::salience).max().orElse(0);
        if (top > 0) {
            a.entities().stream()
                    .sorted(Comparator.comparingDouble(ArticleEvidence.EntityEvidence::salience).reversed())
                    .limit(ARTICLE_ENTITIES)
                    .filter(e -> e.salience() / top >= MIN_RELATIVE_SALIENCE)
                    .forEach(e -> keys.merge(entityKey(e.id()), (float) (ENTITY_FLOOR + (1 - ENTITY_FLOOR) * e.salience() / top), Math::max));
        }
        a.names().forEach(n -> keys.putIfAbsent(entityKey("ws:" + n.id()), n.inHeadline() ? HEADLINE_NAME_WEIGHT : NAME_WEIGHT));
        a.numbers().forEach(n -> keys.put("n:" + n, NUMBER_WEIGHT));
        a.dates().forEach(d -> keys.put("d:" + d, DATE_WEIGHT));
        if (!a.language().equals("und")) {
            a.terms().forEach(t -> keys.put("t:" + a.language() + ":" + t, 1f));
        }
        return keys;
    }

    private static double kindWeight(String key) {
        return switch (key.charAt(0)) {
            case 'e' -> 1.0;
            case 'n' -> 0.7;
            case 'd' -> 0.4;
            default -> 0.5;
        };
    }

    /**
     * The slots of the stories worth scoring in full, best first, found through the article's keys. Fills the
     * keys' {@code holders} with how many open stories within the join gap of {@code time} hold each key: the
     * stories the article could join, so that a key's rarity is that of its days, not of every open story
     * (stories of other days, kept open by a backfill or a long window, would make it look common).
     */
    private int[] candidates(long time, ArticleKeys keys) {
        int n = keys.names.length;
        Integer[] listed = new Integer[n];
        int listedCount = 0;
        for (int i = 0; i < n; i++) {
            if (keys.postings[i] != null) {
                listed[listedCount++] = i;
            }
        }
        Arrays.sort(listed, 0, listedCount, Comparator.comparingInt((Integer i) -> keys.postings[i].size()).thenComparing(i -> keys.names[i]));
        found.clear();
        int[] near = new int[Math.min(VISIT_BUDGET, parameters.maxPostings())];
        int budget = VISIT_BUDGET;
        for (int l = 0; l < listedCount; l++) {
            int k = listed[l];
            PostingList p = keys.postings[k];
            if (budget <= 0) {
                // not visited: the key still counts in the score, as held by every open story that holds it
                keys.holders[k] = p.df;
                continue;
            }
            // the most recent holders when the budget does not cover the whole list
            int skip = Math.max(0, p.size() - budget);
            budget -= p.size() - skip;
            int nearCount = 0;
            for (int i = skip; i < p.size(); i++) {
                int slot = p.slot(i);
                if (slots.gapTo(slot, time) <= parameters.joinGapMs()) {
                    near[nearCount++] = slot;
                }
            }
            // a list that is cut, or capped and near throughout, may leave out more near stories: count them all then
            keys.holders[k] = skip == 0 && (p.complete() || nearCount < p.size()) ? nearCount : p.df;
            double weight = keys.weights[k] * rarity(skip == 0 ? nearCount : p.df) * kindWeight(keys.names[k]);
            for (int i = 0; i < nearCount; i++) {
                found.add(near[i], weight);
            }
        }
        lastVisited = VISIT_BUDGET - budget;
        // the best SCORED_CANDIDATES: the highest sums, ties to the lowest story id
        Integer[] order = new Integer[found.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int bySum = Double.compare(found.sum(b), found.sum(a));
            return bySum != 0 ? bySum : slots.story(found.slot(a)).id().compareTo(slots.story(found.slot(b)).id());
        });
        int[] best = new int[Math.min(SCORED_CANDIDATES, order.length)];
        for (int i = 0; i < best.length; i++) {
            best[i] = found.slot(order[i]);
        }
        return best;
    }

    /** How many postings the last {@link #link} call visited to find candidates; at most {@link #VISIT_BUDGET}. */
    int lastVisited() {
        return lastVisited;
    }

    private static double rarity(int df) {
        return 1.0 / (1.0 + RARITY_SLOPE * Math.log(Math.max(1, df)) / Math.log(2));
    }

    /**
     * Scores a candidate from the story's compact keys. The evidence lists are made only for a candidate that
     * passes the score, piece and entity thresholds: the others cannot qualify.
     */
    private Candidate score(ArticleEvidence article, ArticleKeys keys, int slot) {
        long gap = slots.gapTo(slot, article.time());
        if (gap > parameters.joinGapMs()) {
            return null;
        }
        double score = 0;
        int pieces = 0;
        boolean entity = false;
        int n = keys.names.length;
        for (int i = 0; i < n; i++) {
            float ws = keys.postings[i] == null ? Float.NaN : slots.weight(slot, keys.postings[i].keyId);
            if (Float.isNaN(ws)) {
                continue;
            }
            double w = keys.weights[i] * ws;
            score += kindWeight(keys.names[i]) * w * rarity(keys.holders[i]);
            if (w >= PIECE_WEIGHT) {
                pieces++;
                entity |= keys.names[i].charAt(0) == 'e';
            }
        }
        double timeFactor = parameters.joinGapMs() == 0 ? 1 : 1 - 0.5 * gap / (double) parameters.joinGapMs();
        StoryState story = slots.story(slot);
        if (score * timeFactor < parameters.minScore() || pieces < parameters.minPieces() || !entity) {
            return new Candidate(story, score * timeFactor, gap, List.of(), List.of(), List.of(), List.of(), pieces);
        }
        List<String> entities = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float ws = keys.postings[i] == null ? Float.NaN : slots.weight(slot, keys.postings[i].keyId);
            if (Float.isNaN(ws) || keys.weights[i] * ws < PIECE_WEIGHT) {
                continue;
            }
            String key = keys.names[i];
            switch (key.charAt(0)) {
                case 'e' -> entities.add(keys.displayId(key));
                case 'n' -> numbers.add(key.substring(2));
                case 'd' -> dates.add(key.substring(2));
                default -> terms.add(key.substring(key.indexOf(':', 2) + 1));
            }
        }
        return new Candidate(story, score * timeFactor, gap, entities, terms, numbers, dates, pieces);
    }

    private boolean qualifies(ArticleEvidence article, Map<String, Float> keys, Candidate c) {
        if (c.score() < parameters.minScore() || c.pieces() < parameters.minPieces() || c.entities().isEmpty()) {
            return false;
        }
        if (otherWeekday(keys, c.story())) {
            return false;
        }
        if (!article.terms().isEmpty() && c.story().hasLanguage(article.language()) && hasTerms(c.story(), article.language())) {
            return !c.terms().isEmpty();
        }
        // no wording to compare: the language-independent evidence must go beyond the minimum
        return c.pieces() > parameters.minPieces();
    }

    /**
     * Whether the article names weekdays, the story names weekdays, and they have none in common: reports of one
     * event name its day, so the same people on another named day are another event (a title won on Sunday, a
     * withdrawal on Tuesday).
     */
    static boolean otherWeekday(Map<String, Float> keys, StoryState story) {
        boolean articleNames = false;
        for (String k : keys.keySet()) {
            if (k.startsWith(WEEKDAY_PREFIX)) {
                if (story.keys.containsKey(k)) {
                    return false;
                }
                articleNames = true;
            }
        }
        if (!articleNames) {
            return false;
        }
        for (String k : story.keys.keySet()) {
            if (k.startsWith(WEEKDAY_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two stories may be one: in every language both have headline terms in, they share one. */
    static boolean compatible(StoryState a, StoryState b) {
        Map<String, Boolean> shared = new HashMap<>();
        for (String k : a.keys.keySet()) {
            if (k.startsWith("t:")) {
                String language = k.substring(2, k.indexOf(':', 2));
                if (hasTerms(b, language)) {
                    shared.merge(language, b.keys.containsKey(k), Boolean::logicalOr);
                }
            }
        }
        return !shared.containsValue(false);
    }

    private static boolean hasTerms(StoryState story, String language) {
        String prefix = "t:" + language + ":";
        for (String k : story.keys.keySet()) {
            if (k.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Merge merge(StoryState absorbed, StoryState into) {
        StoryState before = copy(absorbed);
        close(absorbed);
        update(into, () -> into.absorb(absorbed, parameters.latestArticles()));
        absorbed.keys.forEach((k, w) -> addKey(into, k, w));
        trimKeys(into);
        return new Merge(before, into.id());
    }

    private static StoryState copy(StoryState s) {
        return new StoryState(s.id(), s.firstSeen(), s.lastSeen(), s.lastArrival(), s.articleCount(), s.languages(), s.titles(),
                s.entityTotals().stream().collect(java.util.stream.Collectors.toMap(StoryState.EntityTotal::id, e -> e,
                        (x, y) -> x, LinkedHashMap::new)),
                s.latestArticles(), s.absorbed(), s.keys);
    }

    private void addKey(StoryState story, String key, float weight) {
        Float before = story.keys.get(key);
        if (before == null) {
            story.keys.put(key, weight);
            PostingList p = postings.get(key);
            if (p == null) {
                p = new PostingList(keyIds.take());
                postings.put(key, p);
            }
            p.df++;
            slots.putKey(story.slot, p.keyId, weight);
            p.touch(story.slot, parameters.maxPostings());
        } else {
            PostingList p = postings.get(key);
            if (weight > before) {
                story.keys.put(key, weight);
                slots.putKey(story.slot, p.keyId, weight);
            }
            p.touch(story.slot, parameters.maxPostings());
        }
    }

    /** Takes the story out of the key's postings, and the postings out of the index when no open story holds the key. */
    private void unlist(StoryState story, String key) {
        PostingList p = postings.get(key);
        if (p == null) {
            return;
        }
        p.df--;
        p.remove(story.slot);
        slots.removeKey(story.slot, p.keyId);
        if (p.df <= 0) {
            postings.remove(key);
            keyIds.give(p.keyId);
        }
    }

    /** Keeps the heaviest keys of a story, entities before other keys of the same weight ({@link KeyTrim}). */
    private void trimKeys(StoryState story) {
        for (String key : keyTrim.trim(story, parameters.maxKeysPerStory())) {
            unlist(story, key);
        }
    }

    private void index(StoryState story) {
        open.put(story.id(), story);
        story.slot = slots.add(story);
        slots.span(story.slot, story.firstSeen(), story.lastSeen());
        byLastArrival.add(new Quiet(story.lastArrival(), story.id()));
        Map<String, Float> keys = new LinkedHashMap<>(story.keys);
        story.keys.clear();
        keys.forEach((k, w) -> addKey(story, k, w));
    }

    private void close(StoryState story) {
        open.remove(story.id());
        byLastArrival.remove(new Quiet(story.lastArrival(), story.id()));
        for (String k : story.keys.keySet()) {
            unlist(story, k);
        }
        slots.remove(story.slot);
        story.slot = -1;
    }

    private void update(StoryState story, Runnable change) {
        byLastArrival.remove(new Quiet(story.lastArrival(), story.id()));
        change.run();
        byLastArrival.add(new Quiet(story.lastArrival(), story.id()));
        slots.span(story.slot, story.firstSeen(), story.lastSeen());
    }

    private List<StoryState> expire(long now) {
        List<StoryState> closed = new ArrayList<>();
        long horizon = now - parameters.quietAfterMs();
        while (!byLastArrival.isEmpty() && byLastArrival.first().lastArrival() < horizon) {
            StoryState s = open.get(byLastArrival.first().id());
            close(s);
            closed.add(s);
        }
        return closed;
    }

    private List<StoryState> enforceLimit(String keep) {
        List<StoryState> closed = new ArrayList<>();
        for (Quiet q : byLastArrival) {
            if (open.size() - closed.size() <= parameters.maxOpenStories()) {
                break;
            }
            if (!q.id().equals(keep)) {
                closed.add(open.get(q.id()));
            }
        }
        closed.forEach(this::close);
        return closed;
    }
}
