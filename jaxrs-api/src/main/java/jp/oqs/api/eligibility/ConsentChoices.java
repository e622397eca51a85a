package jp.oqs.api.eligibility;

/**
 * The patient's answers at the reader, per category: {@code true} consents to share it with this clinic for 24
 * hours; {@code false} or absent does not (and ends a consent of this clinic still in force).
 */
public record ConsentChoices(Boolean limitCertificate, Boolean specificDiseases, Boolean checkups,
                             Boolean medications) {

    /** Whether the patient consented to the category. */
    public boolean consents(ConsentCategory category) {
        Boolean answer = switch (category) {
            case LIMIT_CERTIFICATE -> limitCertificate;
            case SPECIFIC_DISEASES -> specificDiseases;
            case CHECKUPS -> checkups;
            case MEDICATIONS -> medications;
        };
        return Boolean.TRUE.equals(answer);
    }
}
