package jp.oqs.api.security;

import java.util.List;

/**
 * The caller as the service sees it: lets an integrator check a gateway's tokens.
 *
 * @param medicalInstitutionCode for {@code clinic}: the validated 10-digit code
 * @param insurerNumbers         for {@code insurer-sync}: the validated 8-digit insurer numbers
 */
public record CallerView(String subject, List<String> roles, String medicalInstitutionCode,
                         List<String> insurerNumbers) {
}
