package jp.oqs.eligibility;

import jp.oqs.api.eligibility.QualificationView;
import jp.oqs.qualification.Qualification;
import jp.oqs.qualification.QualificationVersion;

/** What a clinic may see of a qualification version: never the link key, never an internal id. */
final class EligibilityViews {

    private EligibilityViews() {
    }

    static QualificationView of(QualificationVersion version) {
        return of(version, null);
    }

    /** With the asking clinic's 照会番号 for the card, if it registered one. */
    static QualificationView of(QualificationVersion version, String referenceNumber) {
        if (version == null) {
            return null;
        }
        Qualification q = version.qualification();
        return new QualificationView(q.insurer().insurerNumber(), q.insurer().nameKanji(), q.symbol(), q.number(),
                q.branchNumber(), q.individualNumber(), version.relationship(), version.nameKanji(),
                version.nameKana(), q.person().sex(), q.person().birthDate(), q.acquiredOn(), version.lostOn(),
                version.lossReason(), version.lossReason() == null ? null : version.lossReason().code(),
                version.copayRatio(), version.cardIssuedOn(), version.cardExpiresOn(),
                referenceNumber);
    }
}
