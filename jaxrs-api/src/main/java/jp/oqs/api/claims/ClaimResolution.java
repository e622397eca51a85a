package jp.oqs.api.claims;

import java.util.List;

/**
 * What one claim should carry: its disposition and reason, and for REROUTE, SPLIT and RELATIONSHIP_CORRECTED the
 * segments to bill (none otherwise).
 *
 * @param index the claim's position in the request
 */
public record ClaimResolution(int index, String claimId, String medicalInstitutionCode, String serviceMonth,
                              ClaimDisposition disposition, ClaimReason reason, List<ClaimSegment> segments) {
}
