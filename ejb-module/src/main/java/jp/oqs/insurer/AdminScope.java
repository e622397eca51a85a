package jp.oqs.insurer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.EnumSet;
import java.util.Set;
import jp.oqs.api.insurer.ManagingOrganisation;

/**
 * Who is acting on the registry and on which insurers: 支払基金 staff manage SSK insurers, 国保中央会 staff
 * KOKUHO_CHUOKAI insurers, auditors read all and change none. Built by the boundary from the caller's roles.
 * Personal data (people, sync activity) is read within one organisation only: a console auditor's scope for it
 * is {@link #auditorOf} its organisation, and a scope over several organisations reads none.
 *
 * @param actor         the caller's name, recorded on what it registers
 * @param organisations the managing organisations whose insurers the caller may see
 * @param mayChange     whether the caller may change them
 */
public record AdminScope(@NotBlank String actor, @NotEmpty Set<ManagingOrganisation> organisations,
                         boolean mayChange) {

    public AdminScope {
        organisations = Set.copyOf(organisations);
    }

    public static AdminScope staff(String actor, ManagingOrganisation organisation) {
        return new AdminScope(actor, EnumSet.of(organisation), true);
    }

    public static AdminScope auditor(String actor) {
        return new AdminScope(actor, EnumSet.allOf(ManagingOrganisation.class), false);
    }

    /** A console auditor reading the people and sync activity of its own organisation's insurers. */
    public static AdminScope auditorOf(String actor, ManagingOrganisation organisation) {
        return new AdminScope(actor, EnumSet.of(organisation), false);
    }

    /** Personal data of an insurer's people: only within the caller's one organisation. */
    void checkPersonalDataReadable(String insurerNumber, ManagingOrganisation owner)
            throws InsurerOutOfScopeException {
        if (organisations.size() != 1 || !organisations.contains(owner)) {
            throw new InsurerOutOfScopeException(insurerNumber, owner);
        }
    }

    void checkReadable(String insurerNumber, ManagingOrganisation owner) throws InsurerOutOfScopeException {
        if (!organisations.contains(owner)) {
            throw new InsurerOutOfScopeException(insurerNumber, owner);
        }
    }

    void checkChangeable(String insurerNumber, ManagingOrganisation owner) throws InsurerOutOfScopeException {
        if (!mayChange || !organisations.contains(owner)) {
            throw new InsurerOutOfScopeException(insurerNumber, owner);
        }
    }
}
