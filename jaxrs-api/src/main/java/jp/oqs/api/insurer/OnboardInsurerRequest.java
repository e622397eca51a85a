package jp.oqs.api.insurer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.oqs.api.Formats;

/**
 * Registers an insurer in state ONBOARDING. Category, managing organisation and prefecture are derived from the
 * number.
 *
 * @param insurerNumber  8 digits, or 6 digits for 国保 (zero-padded to 8)
 * @param numberingRule  optional; an insurer cannot be activated without one
 */
public record OnboardInsurerRequest(
        @NotBlank @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String insurerNumber,
        @NotBlank @Size(max = Formats.NAME) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String nameKanji,
        @NotBlank @Size(max = Formats.NAME) @Pattern(regexp = "[\\p{InKatakana}\\p{InHalfwidth_and_Fullwidth_Forms}ー・　 ]+",
                message = "katakana only") String nameKana,
        @Valid Contact contact,
        @Valid NumberingRuleRequest numberingRule) {
}
