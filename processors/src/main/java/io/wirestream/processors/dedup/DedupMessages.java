package io.wirestream.processors.dedup;

import io.wirestream.avro.DuplicateKind;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupAnswerType;
import io.wirestream.avro.dedup.DedupCheck;
import io.wirestream.avro.dedup.DedupHomeBatch;
import io.wirestream.avro.dedup.DedupMatch;
import io.wirestream.avro.dedup.DedupMatchKind;
import io.wirestream.avro.dedup.DedupProbe;
import io.wirestream.avro.dedup.DedupProbeBatch;
import io.wirestream.avro.dedup.DedupWaiting;
import io.wirestream.avro.dedup.DedupWaitingMatch;
import io.wirestream.dedup.ArticleRef;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.Match;
import io.wirestream.dedup.MatchKind;
import io.wirestream.dedup.MinHashSignature;
import io.wirestream.dedup.coordinator.Answer;
import io.wirestream.dedup.coordinator.Check;
import io.wirestream.dedup.coordinator.Finding;
import io.wirestream.dedup.coordinator.HomeBatch;
import io.wirestream.dedup.coordinator.Notice;
import io.wirestream.dedup.coordinator.Probe;
import io.wirestream.dedup.coordinator.ProbeBatch;
import io.wirestream.dedup.coordinator.Waiting;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The coordinator's messages and state as the stage's Avro records (schemas in {@code schemas/.../avro/dedup}),
 * and back. Only the wire format lives here; what the messages mean is {@link io.wirestream.dedup.coordinator.DedupCoordinator}'s.
 */
final class DedupMessages {

    private DedupMessages() {
    }

    static DedupProbeBatch toAvro(ProbeBatch batch) {
        List<DedupProbe> probes = new ArrayList<>(batch.probes().size());
        for (Probe probe : batch.probes()) {
            probes.add(DedupProbe.newBuilder().setArticleId(probe.articleId()).setIndexKey(null)
                    .setIndexKeys(probe.indexKeys().stream().map(ByteBuffer::wrap).toList())
                    .setSketch(sketch(probe.sketch())).setPublishedAt(probe.publishedAt()).setEventTime(probe.eventTime()).build());
        }
        return DedupProbeBatch.newBuilder().setHome(batch.home()).setBatch(batch.batch()).setPartition(batch.partition())
                .setProbes(probes).build();
    }

    /** @param timestamp the record's timestamp: the event time of probes written without one */
    static ProbeBatch fromAvro(DedupProbeBatch batch, long timestamp) {
        List<Probe> probes = new ArrayList<>(batch.getProbes().size());
        for (DedupProbe probe : batch.getProbes()) {
            List<byte[]> keys = new ArrayList<>();
            probe.getIndexKeys().forEach(k -> keys.add(bytes(k)));
            probes.add(new Probe(probe.getArticleId(), keys, sketch(probe.getSketch()), probe.getPublishedAt(),
                    probe.getEventTime() != null ? probe.getEventTime() : timestamp));
        }
        return new ProbeBatch(batch.getHome(), batch.getBatch(), batch.getPartition(), probes);
    }

    /** The latest event time among the batch's probes: the timestamp of its record. */
    static long timestamp(ProbeBatch batch) {
        return batch.probes().stream().mapToLong(Probe::eventTime).max().orElseThrow();
    }

    static DedupHomeBatch toAvro(HomeBatch batch) {
        return DedupHomeBatch.newBuilder().setHome(batch.home())
                .setChecks(batch.checks().stream().map(DedupMessages::toAvro).toList())
                .setAnswers(batch.answers().stream().map(DedupMessages::toAvro).toList()).build();
    }

    static HomeBatch fromAvro(DedupHomeBatch batch) {
        return new HomeBatch(batch.getHome(), batch.getChecks().stream().map(DedupMessages::fromAvro).toList(),
                batch.getAnswers().stream().map(DedupMessages::fromAvro).toList());
    }

    static DedupCheck toAvro(Check check) {
        return DedupCheck.newBuilder().setProbeId(check.probeId()).setCandidateId(check.candidateId())
                .setKind(DedupMatchKind.valueOf(check.kind().name())).setSketch(sketch(check.sketch()))
                .setProbePublishedAt(check.probePublishedAt()).setProbeHome(check.probeHome()).setPartition(check.partition()).build();
    }

    static Check fromAvro(DedupCheck check) {
        return new Check(check.getProbeId(), check.getProbePublishedAt(), check.getProbeHome(), check.getPartition(),
                check.getCandidateId(), MatchKind.valueOf(check.getKind().name()), sketch(check.getSketch()));
    }

    static DedupAnswer toAvro(Answer answer) {
        List<DedupMatch> matches = new ArrayList<>(answer.findings().size());
        for (Finding f : answer.findings()) {
            Match m = f.match();
            matches.add(DedupMatch.newBuilder().setCandidateId(m.candidate().id()).setCandidatePublishedAt(m.candidate().publishedAt())
                    .setKind(DedupMatchKind.valueOf(m.kind().name())).setSimilarity(m.similarity()).setNoticeOwed(f.noticeOwed()).build());
        }
        return DedupAnswer.newBuilder().setArticleId(answer.articleId()).setType(DedupAnswerType.valueOf(answer.type().name()))
                .setKeysServed(answer.keysServed()).setChecksSent(answer.type() == Answer.Type.PROBED ? answer.candidates().size() : 0)
                .setPartition(answer.partition()).setCandidates(answer.candidates()).setMatches(matches).build();
    }

    static Answer fromAvro(DedupAnswer answer) {
        List<Finding> findings = new ArrayList<>(answer.getMatches().size());
        for (DedupMatch m : answer.getMatches()) {
            findings.add(new Finding(new Match(new ArticleRef(m.getCandidateId(), m.getCandidatePublishedAt()),
                    MatchKind.valueOf(m.getKind().name()), m.getSimilarity()), m.getNoticeOwed()));
        }
        return new Answer(answer.getArticleId(), Answer.Type.valueOf(answer.getType().name()), answer.getPartition(),
                answer.getKeysServed(), answer.getCandidates(), findings);
    }

    static DedupWaiting toAvro(Waiting w) {
        List<DedupWaitingMatch> matches = new ArrayList<>(w.findings().size());
        for (Finding f : w.findings()) {
            Match m = f.match();
            matches.add(DedupWaitingMatch.newBuilder().setCandidateId(m.candidate().id())
                    .setCandidatePublishedAt(m.candidate().publishedAt()).setKind(m.kind().name())
                    .setSimilarity(m.similarity()).setNoticeOwed(f.noticeOwed()).build());
        }
        return DedupWaiting.newBuilder().setArticleId(w.id()).setPublishedAt(w.article().publishedAt()).setEventTime(w.eventTime())
                .setSent(w.sent()).setIndexKeys(w.indexKeys().stream().map(ByteBuffer::wrap).toList()).setSketch(sketch(w.sketch()))
                .setPartitionsExpected(new ArrayList<>(new TreeSet<>(w.partitionsExpected())))
                .setPartitionsAnswered(new ArrayList<>(new TreeSet<>(w.partitionsAnswered())))
                .setKeysExpected(w.keysExpected()).setKeysAnswered(w.keysAnswered())
                .setChecksExpected(new ArrayList<>(w.checksExpected())).setChecksAnswered(new ArrayList<>(w.checksAnswered()))
                .setStartedAt(w.startedAt()).setMatches(matches).build();
    }

    /** The waiting state without its payload, which {@link StoreWaitingArticles} keeps apart. */
    static Waiting fromAvro(DedupWaiting w, long batch) {
        List<Finding> findings = new ArrayList<>(w.getMatches().size());
        for (DedupWaitingMatch m : w.getMatches()) {
            findings.add(new Finding(new Match(new ArticleRef(m.getCandidateId(), m.getCandidatePublishedAt()),
                    MatchKind.valueOf(m.getKind()), m.getSimilarity()), m.getNoticeOwed()));
        }
        List<byte[]> keys = new ArrayList<>(w.getIndexKeys().size());
        w.getIndexKeys().forEach(k -> keys.add(bytes(k)));
        return new Waiting(new ArticleRef(w.getArticleId(), w.getPublishedAt()), batch, w.getEventTime(), keys, sketch(w.getSketch()),
                w.getSent(), new TreeSet<>(w.getPartitionsExpected()), new TreeSet<>(w.getPartitionsAnswered()), w.getKeysExpected(),
                w.getKeysAnswered(), new TreeSet<>(w.getChecksExpected()), new TreeSet<>(w.getChecksAnswered()), w.getStartedAt(),
                findings, null);
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
