package jp.oqs.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a clinic's last answer for a card that showed its 限度額 data (bulk or single, see {@link LimitChanges}) said
 * of it (a digest of the 限度額適用認定証 and 特定疾病療養受療証 answered), so the next bulk answer can say whether it
 * changed. Per clinic; never shown.
 */
@Entity
@Table(name = "clinic_limit_answer")
public class ClinicLimitAnswer {

    @Id
    @Column(name = "answer_key", updatable = false)
    private String answerKey;

    @Column(name = "clinic_code", updatable = false)
    private String clinicCode;

    @Column(name = "digest")
    private String digest;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected ClinicLimitAnswer() {
    }

    ClinicLimitAnswer(String answerKey, String clinicCode, String digest, Instant answeredAt) {
        this.answerKey = answerKey;
        this.clinicCode = clinicCode;
        this.digest = digest;
        this.answeredAt = answeredAt;
    }

    String answerKey() {
        return answerKey;
    }

    /** Records {@code digest} as answered at {@code at}; returns whether it differs from the one before. */
    boolean answered(String digest, Instant at) {
        boolean changed = !this.digest.equals(digest);
        this.digest = digest;
        this.answeredAt = at;
        return changed;
    }
}
