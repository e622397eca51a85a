package jp.oqs.api.health;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.oqs.api.Formats;

/**
 * A clinic asks for the health data of the patient whose card it read: the card session it confirmed (in the last
 * 24 hours) names the patient, so no identifier of the person is sent.
 */
public record ClinicHealthRequest(
        @NotNull @Size(max = Formats.SESSION_ID_LENGTH) @Pattern(regexp = Formats.SESSION_ID, message = Formats.SESSION_ID_MESSAGE) String sessionId) {
}
