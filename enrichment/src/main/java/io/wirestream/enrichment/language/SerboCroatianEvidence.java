package io.wirestream.enrichment.language;

import java.util.Locale;
import java.util.Set;

/**
 * Tells Latin-script Serbian from Croatian and Bosnian by distinctive words. OpenNLP's model knows
 * Serbian only in Cyrillic, so it calls Latin Serbian Croatian or Bosnian; the three share almost all of
 * their n-grams, but differ in two systematic ways a few frequent words show:
 * <ul>
 *   <li>the reflex of old "yat": Serbian news is written in the ekavian form ({@code vreme, pre, posle,
 *       gde, predsednik}), Croatian and Bosnian in the ijekavian one ({@code vrijeme, prije, poslije, gdje,
 *       predsjednik});</li>
 *   <li>vocabulary the standards chose differently ({@code hiljada / tisuća, odsto / posto, takođe /
 *       također, tokom / tijekom, evra / eura, šta / što}).</li>
 * </ul>
 * Only the words below count, each once per occurrence; a text that has none of them is left to the model.
 */
final class SerboCroatianEvidence {

    static final Set<String> CANDIDATES = Set.of("sr", "hr", "bs");

    private static final Set<String> SERBIAN = Set.of(
        "vreme", "vremena", "vremenu", "pre", "posle", "uvek", "gde", "ovde", "mesto", "mesta", "mestu", "reč",
        "reči", "dete", "deca", "dece", "svet", "sveta", "svetu", "cena", "cene", "vest", "vesti", "mere",
        "predsednik", "predsednika", "predsedniku", "predsedništvo", "nedelje", "nedelja", "primer", "umešan",
        "umešani", "lepo", "hiljada", "hiljade", "odsto", "takođe", "tokom", "evra", "šta", "opština",
        "opštine", "saradnja", "saradnje", "spoljni", "spoljnih", "spoljnu", "spoljne", "bezbednost",
        "bezbednosti", "univerzitet", "dinara", "obezbedi", "obezbede");

    private static final Set<String> IJEKAVIAN = Set.of(
        "vrijeme", "prije", "poslije", "uvijek", "gdje", "ovdje", "mjesto", "mjesta", "mjestu",
        "riječ", "riječi", "dijete", "djeca", "djece", "svijet", "svijeta", "svijetu", "cijena", "cijene",
        "vijest", "vijesti", "mjere", "predsjednik", "predsjednika", "predsjedniku", "tjedan", "tjedna",
        "lijepo", "tisuća", "tisuću", "posto", "također", "tijekom", "eura", "tko", "općina", "općine",
        "suradnja", "suradnje", "vanjski", "vanjskih", "vanjsku", "vanjske", "sigurnost", "sveučilište",
        "kuna");

    private SerboCroatianEvidence() {
    }

    /** {@code sr} when Serbian words outnumber Croatian/Bosnian ones, the model's call otherwise. */
    static String decide(String sample, String modelCall) {
        int serbian = 0;
        int ijekavian = 0;
        for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (SERBIAN.contains(word) && !IJEKAVIAN.contains(word)) {
                serbian++;
            } else if (IJEKAVIAN.contains(word) && !SERBIAN.contains(word)) {
                ijekavian++;
            }
        }
        if (serbian > ijekavian) {
            return "sr";
        }
        return ijekavian > serbian && modelCall.equals("sr") ? "hr" : modelCall;
    }
}
