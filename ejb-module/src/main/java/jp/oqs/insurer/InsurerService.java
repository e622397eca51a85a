package jp.oqs.insurer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.platform.Page;

/**
 * The insurer registry's use cases. Each call is one transaction; every call checks the caller's
 * {@link AdminScope}; every change is on the audit trail ({@code REGISTRY_CHANGE}) in its transaction. Returned
 * insurers carry their numbering-rule history.
 */
public interface InsurerService {

    Insurer onboard(@NotNull @Valid AdminScope scope, @NotNull @Valid OnboardInsurerRequest request)
            throws InvalidIdentifierException, InsurerException;

    Page<Insurer> search(@NotNull @Valid AdminScope scope, @NotNull @Valid InsurerSearch search);

    Insurer find(@NotNull @Valid AdminScope scope, @NotNull String insurerNumber)
            throws InvalidIdentifierException, InsurerException;

    /**
     * The insurer, for reading its people or its sync activity: refused (and audited) unless the scope names one
     * organisation, the insurer's; an auditor's scope over every organisation reads no personal data.
     */
    Insurer findForPersonalData(@NotNull @Valid AdminScope scope, @NotNull String insurerNumber)
            throws InvalidIdentifierException, InsurerException;

    Insurer activate(@NotNull @Valid AdminScope scope, @NotNull String insurerNumber)
            throws InvalidIdentifierException, InsurerException;

    Insurer suspend(@NotNull @Valid AdminScope scope, @NotNull String insurerNumber)
            throws InvalidIdentifierException, InsurerException;

    Insurer merge(@NotNull @Valid AdminScope scope, @NotNull String insurerNumber,
                  @NotNull String successorInsurerNumber, @NotNull LocalDate effectiveDate)
            throws InvalidIdentifierException, InsurerException;

    Insurer dissolve(@NotNull @Valid AdminScope scope, @NotNull String insurerNumber,
                     @NotNull LocalDate effectiveDate)
            throws InvalidIdentifierException, InsurerException;

    NumberingRule addNumberingRule(@NotNull @Valid AdminScope scope, @NotNull String insurerNumber,
                                   @NotNull @Valid NumberingRuleRequest request)
            throws InvalidIdentifierException, InsurerException;
}
