package jp.oqs.eligibility;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.ResultStatus;
import jp.oqs.platform.InlineText;

/**
 * One entry of a bulk check: what the clinic sent (as sent: {@link BulkEntry} declares forms that fit these
 * columns, and the boundary refuses any other) and, once answered, the answer.
 */
@Entity
@Table(name = "bulk_entry")
@IdClass(BulkEntryRecord.Key.class)
@NamedQuery(name = "BulkEntryRecord.unanswered",
        query = "SELECT e FROM BulkEntryRecord e WHERE e.receptionNumber = :receptionNumber AND e.index >= :from"
                + " AND e.index < :to AND e.answered = 0 ORDER BY e.index")
@NamedQuery(name = "BulkEntryRecord.page",
        query = "SELECT e FROM BulkEntryRecord e WHERE e.receptionNumber = :receptionNumber ORDER BY e.index")
public class BulkEntryRecord {

    /** Primary key: reception number and position. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String receptionNumber;
        private int index;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(receptionNumber, key.receptionNumber)
                    && index == key.index;
        }

        @Override
        public int hashCode() {
            return Objects.hash(receptionNumber, index);
        }
    }

    @Id
    @Column(name = "reception_number")
    private String receptionNumber;

    @Id
    @Column(name = "entry_index")
    private int index;

    @Column(name = "entry_id", updatable = false)
    private String entryId;

    @Column(name = "insurer_number", updatable = false)
    private String insurerNumber;

    @Column(name = "symbol", updatable = false)
    private String symbol;

    @Column(name = "number_part", updatable = false)
    private String number;

    @Column(name = "branch_number", updatable = false)
    private String branchNumber;

    @Column(name = "individual_number", updatable = false)
    private String individualNumber;

    @Column(name = "birth_date", updatable = false)
    private LocalDate birthDate;

    @Column(name = "service_date", updatable = false)
    private LocalDate serviceDate;

    /** The patient's consent to the 限度額 and 特定疾病 groups, as the entry gave it (1), else 0. */
    @Column(name = "limit_consent", updatable = false)
    private int limitConsent;

    @Column(name = "answered")
    private int answered;

    @Column(name = "result_status")
    private String resultStatus;

    @Column(name = "validity")
    private Integer validity;

    @Column(name = "error_code")
    private String errorCode;

    /** For an answer with 限度額 data under consent: whether it changed since the clinic's previous one (1/0). */
    @Column(name = "limit_changed")
    private Integer limitChanged;

    /** The answer when it fits the inline column (every ordinary answer does). */
    @Column(name = "answer_text")
    private String answerText;

    /** Only an answer longer than the inline column ({@link InlineText}): a LOB costs a write of its own per entry. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "answer_json")
    private String answerJson;

    protected BulkEntryRecord() {
    }

    BulkEntryRecord(String receptionNumber, int index, BulkEntry entry) {
        this.receptionNumber = receptionNumber;
        this.index = index;
        this.entryId = entry.entryId();
        this.insurerNumber = entry.insurerNumber();
        this.symbol = entry.symbol();
        this.number = entry.number();
        this.branchNumber = entry.branchNumber();
        this.individualNumber = entry.individualNumber();
        this.birthDate = entry.birthDate();
        this.serviceDate = entry.serviceDate();
        this.limitConsent = Boolean.TRUE.equals(entry.limitCertificateConsent()) ? 1 : 0;
    }

    LookupRequest lookupRequest() {
        return new LookupRequest(insurerNumber, symbol, number, branchNumber, individualNumber, birthDate,
                serviceDate, limitConsent == 1);
    }

    void answer(int validity, String answerJson, Boolean limitChanged) {
        this.answered = 1;
        this.limitChanged = limitChanged == null ? null : limitChanged ? 1 : 0;
        this.resultStatus = ResultStatus.COMPLETED.name();
        this.validity = validity;
        keep(answerJson);
    }

    void error(String code, String message) {
        this.answered = 1;
        this.resultStatus = ResultStatus.ERROR.name();
        this.errorCode = code;
        keep(message);
    }

    private void keep(String answer) {
        boolean inline = InlineText.fits(answer);
        this.answerText = inline ? answer : null;
        this.answerJson = inline ? null : answer;
    }

    public int index() {
        return index;
    }

    public String entryId() {
        return entryId;
    }

    public ResultStatus resultStatus() {
        return resultStatus == null ? null : ResultStatus.valueOf(resultStatus);
    }

    public Integer validity() {
        return validity;
    }

    public String errorCode() {
        return errorCode;
    }

    /** See {@link LimitChanges}; {@code null} for an entry answered without 限度額 data under consent. */
    public Boolean limitCertificateChanged() {
        return limitChanged == null ? null : limitChanged == 1;
    }

    /** The answer as JSON, or for an error the message. */
    public String answerJson() {
        return answerText != null ? answerText : answerJson;
    }
}
