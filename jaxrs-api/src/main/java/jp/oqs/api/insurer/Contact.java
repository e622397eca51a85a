package jp.oqs.api.insurer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.oqs.api.Formats;

/** The insurer's contact for the operators. All parts optional. */
public record Contact(
        @Size(max = Formats.NAME) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String department,
        @Size(max = Formats.NAME) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String personName,
        @Pattern(regexp = "[0-9+\\-() ]{0,20}", message = "digits, spaces, +, -, ( ) only, at most 20") String phone,
        @Email @Size(max = 254) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String email) {
}
