package jp.oqs.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.ElderlyRecipient;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.QualificationData;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.Sex;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncOperation;
import jp.oqs.api.sync.SyncRecord;

/** Builders of sync records for the tests, as an intermediate server would send them. */
public final class SyncRecords {

    public static final LocalDate BIRTH = LocalDate.of(1980, 5, 5);

    private SyncRecords() {
    }

    public static SyncBatchRequest batch(String insurerNumber, SyncRecord... records) {
        return new SyncBatchRequest(UUID.randomUUID(), insurerNumber, List.of(records));
    }

    public static PersonData person(String linkKey) {
        return new PersonData(linkKey, BIRTH, Sex.MALE, "山田太郎", "ヤマダタロウ");
    }

    public static SyncRecord acquire(String recordId, String linkKey, String symbol, String number,
                                     LocalDate acquiredOn) {
        return acquire(recordId, person(linkKey), new QualificationData(symbol, number, null, null,
                Relationship.SELF, acquiredOn, 30, acquiredOn, acquiredOn.plusYears(5), null, null, null, null,
                null));
    }

    public static SyncRecord acquire(String recordId, PersonData person, QualificationData qualification) {
        return new SyncRecord(recordId, SyncOperation.ACQUIRE, person, qualification, null, null, null);
    }

    public static QualificationData qualification(String symbol, String number, String individualNumber,
                                                  String branchNumber, LocalDate acquiredOn) {
        return new QualificationData(symbol, number, individualNumber, branchNumber, Relationship.SELF, acquiredOn,
                30, null, null, null, null, null, null, null);
    }

    public static SyncRecord change(String recordId, String linkKey, LocalDate from, int copayRatio) {
        return new SyncRecord(recordId, SyncOperation.CHANGE, new PersonData(linkKey, null, null, null, null),
                attributes(copayRatio, null, null), from, null, null);
    }

    public static SyncRecord correct(String recordId, String linkKey, LocalDate versionFrom, int copayRatio) {
        return new SyncRecord(recordId, SyncOperation.CORRECT, new PersonData(linkKey, null, null, null, null),
                attributes(copayRatio, null, null), versionFrom, null, null);
    }

    /** The attributes a CHANGE or CORRECT sends: the copay ratio and the desk's groups (absent ones are kept). */
    public static QualificationData attributes(Integer copayRatio, CardClassification cardClassification,
                                               ElderlyRecipient elderlyRecipient) {
        return new QualificationData(null, null, null, null, null, null, copayRatio, null, null, cardClassification,
                elderlyRecipient, null, null, null);
    }

    public static SyncRecord lose(String recordId, String linkKey, LocalDate lostOn, LossReason reason) {
        return new SyncRecord(recordId, SyncOperation.LOSE, new PersonData(linkKey, null, null, null, null), null,
                null, lostOn, reason);
    }
}
