package io.wirestream.processors.dedup;

import io.wirestream.avro.DuplicateKind;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupAnswerType;
import io.wirestream.avro.dedup.DedupCheck;
import io.wirestream.avro.dedup.DedupGather;
import io.wirestream.avro.dedup.DedupGatheredMatch;
import io.wirestream.avro.dedup.DedupMatch;
import io.wirestream.avro.dedup.DedupMatchKind;
import io.wirestream.avro.dedup.DedupProbe;
import io.wirestream.dedup.ArticleRef;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.Match;
import io.wirestream.dedup.MatchKind;
import io.wirestream.dedup.MinHashSignature;
import io.wirestream.dedup.coordinator.Answer;
import io.wirestream.dedup.coordinator.Check;
import io.wirestream.dedup.coordinator.Finding;
import io.wirestream.dedup.coordinator.Notice;
import io.wirestream.dedup.coordinator.Probe;
import io.wirestream.dedup.coordinator.Waiting;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's messages and state as the stage's Avro records (schemas in {@code schemas/.../avro/dedup}),
 * and back. Only the wire format lives here; what the messages mean is {@link io.wirestream.dedup.coordinator.DedupCoordinator}'s.
 */
final class DedupMessages {

    private DedupMessages() {
    }

    static DedupProbe toAvro(Probe probe) {
        return DedupProbe.newBuilder().setArticleId(probe.articleId()).setIndexKey(null)
                .setIndexKeys(probe.indexKeys().stream().map(ByteBuffer::wrap).toList())
                .setSketch(sketch(probe.sketch())).setPublishedAt(probe.publishedAt()).build();
    }

    static Probe fromAvro(DedupProbe probe) {
        List<byte[]> keys = new ArrayList<>();
        probe.getIndexKeys().forEach(k -> keys.add(bytes(k)));
        if (probe.getIndexKey() != null) {
            keys.add(bytes(probe.getIndexKey())); // a single-key probe written before keys were grouped
        }
        return new Probe(probe.getArticleId(), keys, sketch(probe.getSketch()), probe.getPublishedAt());
    }

    static DedupCheck toAvro(Check check) {
        return DedupCheck.newBuilder().setProbeId(check.probeId()).setCandidateId(check.candidateId())
                .setKind(DedupMatchKind.valueOf(check.kind().name())).setSketch(sketch(check.sketch()))
                .setProbePublishedAt(check.probePublishedAt()).build();
    }

    static Check fromAvro(DedupCheck check) {
        return new Check(check.getProbeId(), check.getProbePublishedAt(), check.getCandidateId(),
                MatchKind.valueOf(check.getKind().name()), sketch(check.getSketch()));
    }

    static DedupAnswer toAvro(Answer answer) {
        List<DedupMatch> matches = new ArrayList<>(answer.findings().size());
        for (Finding f : answer.findings()) {
            Match m = f.match();
            matches.add(DedupMatch.newBuilder().setCandidateId(m.candidate().id()).setCandidatePublishedAt(m.candidate().publishedAt())
                    .setKind(DedupMatchKind.valueOf(m.kind().name())).setSimilarity(m.similarity()).setNoticeOwed(f.noticeOwed()).build());
        }
        return DedupAnswer.newBuilder().setArticleId(answer.articleId()).setType(DedupAnswerType.valueOf(answer.type().name()))
                .setKeysServed(answer.keysServed()).setChecksSent(answer.checksSent()).setMatches(matches).build();
    }

    static Answer fromAvro(DedupAnswer answer) {
        List<Finding> findings = new ArrayList<>(answer.getMatches().size());
        for (DedupMatch m : answer.getMatches()) {
            findings.add(new Finding(new Match(new ArticleRef(m.getCandidateId(), m.getCandidatePublishedAt()),
                    MatchKind.valueOf(m.getKind().name()), m.getSimilarity()), m.getNoticeOwed()));
        }
        return new Answer(answer.getArticleId(), Answer.Type.valueOf(answer.getType().name()), answer.getKeysServed(),
                answer.getChecksSent(), findings);
    }

    static DedupGather toAvro(Waiting w) {
        List<DedupGatheredMatch> matches = new ArrayList<>(w.findings().size());
        for (Finding f : w.findings()) {
            Match m = f.match();
            matches.add(DedupGatheredMatch.newBuilder().setCandidateId(m.candidate().id())
                    .setCandidatePublishedAt(m.candidate().publishedAt()).setKind(m.kind().name())
                    .setSimilarity(m.similarity()).setNoticeOwed(f.noticeOwed()).build());
        }
        return DedupGather.newBuilder().setArticleId(w.id()).setPublishedAt(w.article().publishedAt())
                .setProbesExpected(w.probesExpected()).setProbesAnswered(w.probesAnswered())
                .setChecksExpected(w.checksExpected()).setChecksAnswered(w.checksAnswered())
                .setStartedAt(w.startedAt()).setMatches(matches).build();
    }

    static Waiting fromAvro(DedupGather g) {
        List<Finding> findings = new ArrayList<>(g.getMatches().size());
        for (DedupGatheredMatch m : g.getMatches()) {
            findings.add(new Finding(new Match(new ArticleRef(m.getCandidateId(), m.getCandidatePublishedAt()),
                    MatchKind.valueOf(m.getKind()), m.getSimilarity()), m.getNoticeOwed()));
        }
        return new Waiting(new ArticleRef(g.getArticleId(), g.getPublishedAt()), g.getProbesExpected(), g.getProbesAnswered(),
                g.getChecksExpected(), g.getChecksAnswered(), g.getStartedAt(), findings);
    }

    /**
     * @param copyOrigin where the copy came from, for a notice about the article just decided (null otherwise)
     * @param copyTitle  its headline, likewise
     */
    static DuplicateNotice toAvro(Notice notice, String copyOrigin, String copyTitle, Instant detectedAt) {
        return DuplicateNotice.newBuilder().setCopyId(notice.copyId()).setOriginalId(notice.originalId())
                .setKind(DuplicateKind.valueOf(notice.kind().name())).setSimilarity(notice.similarity())
                .setDetectedAt(detectedAt)
                .setCopyOrigin(notice.aboutArrival() ? copyOrigin : null)
                .setCopyTitle(notice.aboutArrival() ? copyTitle : null)
                .build();
    }

    private static ByteBuffer sketch(MinHashSignature sketch) {
        return sketch == null ? null : ByteBuffer.wrap(IndexCodec.sketch(sketch));
    }

    private static MinHashSignature sketch(ByteBuffer bytes) {
        return bytes == null ? null : IndexCodec.sketch(bytes(bytes));
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
