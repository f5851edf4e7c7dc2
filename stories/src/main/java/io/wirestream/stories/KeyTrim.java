package io.wirestream.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Trims a story over its key limit: drops its lightest keys (by weight; of the same weight a key that is not an
 * entity's before an entity's, then the earlier in the story's key order) and the entities whose keys it no longer
 * holds. One pass over the keys keeps the lightest in a small sorted buffer instead of sorting them all, and only
 * the entities that may have lost their key are looked up ({@link StoryState#retainEntitiesOfKeys}).
 *
 * <p>Reuses its buffers: one per linker, not thread-safe.
 */
final class KeyTrim {
    private final UnaryOperator<String> entityKey;
    /** The keys in the story's order, as ranked by the last pass. */
    private String[] names = new String[0];
    /** The lightest keys' ranks ({@link #rank}) seen so far in a pass, lightest first. */
    private long[] lightest = new long[0];

    /** @param entityKey an entity id's key, as {@link StoryLinker#entityKey} gives it */
    KeyTrim(UnaryOperator<String> entityKey) {
        this.entityKey = entityKey;
    }

    /**
     * Drops the story's lightest keys beyond {@code maxKeys} from its key map, and the entities of the dropped keys
     * and any entity added since the last trim whose key the story does not hold.
     *
     * @return the dropped keys, lightest first (empty when the story is within the limit)
     */
    List<String> trim(StoryState story, int maxKeys) {
        Map<String, Float> keys = story.keys;
        int excess = keys.size() - maxKeys;
        if (excess <= 0) {
            return List.of();
        }
        int n = keys.size();
        if (names.length < n) {
            names = new String[n];
        }
        if (lightest.length < excess) {
            lightest = new long[excess];
        }
        int size = 0;
        int index = 0;
        for (Map.Entry<String, Float> k : keys.entrySet()) {
            names[index] = k.getKey();
            long r = rank(k.getValue(), k.getKey().startsWith("e:"), index);
            index++;
            if (size == excess && r >= lightest[size - 1]) {
                continue;
            }
            int i = size < excess ? size++ : size - 1;
            while (i > 0 && r < lightest[i - 1]) {
                lightest[i] = lightest[i - 1];
                i--;
            }
            lightest[i] = r;
        }
        List<String> dropped = new ArrayList<>(excess);
        for (int i = 0; i < excess; i++) {
            String key = names[(int) (lightest[i] & 0x7fff_ffffL)];
            keys.remove(key);
            dropped.add(key);
        }
        Arrays.fill(names, 0, n, null);
        story.retainEntitiesOfKeys(entityKey, dropped);
        return dropped;
    }

    /**
     * A key's place in the trimming order as one long: the weight in {@link Float#compare} order, then 0 for a key
     * that is not an entity's and 1 for an entity's, then the key's index in the story's order.
     */
    static long rank(float weight, boolean entity, int index) {
        int bits = Float.floatToIntBits(weight);
        // negative floats' bits count down as the values go down: flipped, all bits compare as the floats do
        bits ^= (bits >> 31) & 0x7fff_ffff;
        return ((long) bits << 32) | (entity ? 1L << 31 : 0) | index;
    }
}
