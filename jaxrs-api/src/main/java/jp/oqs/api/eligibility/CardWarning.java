package jp.oqs.api.eligibility;

/**
 * Something the desk should tell the patient with a successful answer (付帯情報), e.g.
 * {@code CERTIFICATE_EXPIRES_SOON}: the card's certificate ends within three months.
 */
public record CardWarning(String code, String message) {

    public static final String CERTIFICATE_EXPIRES_SOON = "CERTIFICATE_EXPIRES_SOON";
}
