package jp.oqs.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.oqs.qualification.Qualification;

/**
 * A clinic's 照会番号 for a card: its own patient id, shown to it (and to no one else) beside the qualification in
 * later answers. Keyed by the clinic and the card's numbers as the clinic sent them; not linked to a person, so
 * registering one reveals nothing about whether the card exists.
 */
@Entity
@Table(name = "clinic_reference_number")
public class ClinicReferenceNumber {

    private static final char SEPARATOR = Qualification.HOUSEHOLD_SEPARATOR;

    @Id
    @Column(name = "card_key", updatable = false)
    private String cardKey;

    @Column(name = "clinic_code", updatable = false)
    private String clinicCode;

    @Column(name = "reference_number")
    private String referenceNumber;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ClinicReferenceNumber() {
    }

    ClinicReferenceNumber(String cardKey, String clinicCode, String referenceNumber, Instant updatedAt) {
        this.cardKey = cardKey;
        this.clinicCode = clinicCode;
        this.referenceNumber = referenceNumber;
        this.updatedAt = updatedAt;
    }

    /**
     * The key of a card for a clinic: clinic code, normalised insurer number, household key (記号 + 番号) and 枝番.
     * {@code symbol} is {@code null} when the card has none.
     */
    static String key(String clinicCode, String insurerNumber, String symbol, String number, String branchNumber) {
        return clinicCode + SEPARATOR + insurerNumber + SEPARATOR + Qualification.householdKey(symbol, number)
                + SEPARATOR + branchNumber;
    }

    /** The key under which the clinic registered this qualification's card, or {@code null} if it has no 枝番. */
    static String key(String clinicCode, Qualification qualification) {
        if (qualification.number() == null || qualification.branchNumber() == null) {
            return null;
        }
        return key(clinicCode, qualification.insurer().insurerNumber(), qualification.symbol(),
                qualification.number(), qualification.branchNumber());
    }

    String cardKey() {
        return cardKey;
    }

    String referenceNumber() {
        return referenceNumber;
    }

    void change(String referenceNumber, Instant at) {
        this.referenceNumber = referenceNumber;
        this.updatedAt = at;
    }
}
