package io.wirestream.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The hash functions of the deduplication logic. All are fixed by this class: changing any of
 * them changes every stored key and signature, so the stores must then be rebuilt.
 */
final class Hashing {

    private Hashing() {
    }

    /**
     * The 64-bit finaliser of MurmurHash3 (public domain algorithm by Austin Appleby): a bijection
     * on 64-bit values with full avalanche, used to derive independent-looking hash permutations.
     */
    static long mix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /**
     * The inverse of {@link #mix64}: {@code unmix64(mix64(k)) == k} for every k. A shift by 33 of 64 bits
     * undoes itself, and each multiplier is odd, so it has an inverse modulo 2^64.
     */
    static long unmix64(long k) {
        k ^= k >>> 33;
        k *= 0x9cb4b2f8129337dbL;
        k ^= k >>> 33;
        k *= 0x4f74430c22a54005L;
        k ^= k >>> 33;
        return k;
    }

    /** 64-bit FNV-1a over the UTF-16 code units of {@code s[from, to)}, then {@link #mix64}. */
    static long hash64(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix64(h);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /** The first 16 bytes of SHA-256: the key width of the exact-match index entries. */
    static byte[] sha256Prefix16(String text) {
        return Arrays.copyOf(sha256(text), 16);
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
