package jp.oqs.api.health;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.oqs.api.Formats;

/**
 * One item of a check-up as sent: the standard's code, the value (a decimal for a measurement, the answer code for
 * a coded item, as the standard writes them) and the unit (required for a measurement, and it must be the
 * item's; absent for a coded answer). See {@link CheckupItem} for the items known and their checks.
 */
public record CheckupValue(
        @NotNull @Size(max = 17) @Pattern(regexp = HealthFormats.ITEM_CODE, message = HealthFormats.ITEM_CODE_MESSAGE) String code,
        @NotNull @Size(max = HealthFormats.ITEM_VALUE) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String value,
        @Size(max = HealthFormats.UNIT) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String unit) {
}
