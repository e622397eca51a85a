package jp.oqs.api.insurer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The insurer's contact for the operators. All parts optional. */
public record Contact(
        @Size(max = 100) String department,
        @Size(max = 100) String personName,
        @Pattern(regexp = "[0-9+\\-() ]{0,20}", message = "digits, spaces, +, -, ( ) only, at most 20") String phone,
        @Email @Size(max = 254) String email) {
}
