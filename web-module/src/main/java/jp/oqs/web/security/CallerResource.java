package jp.oqs.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.List;
import jp.oqs.api.security.CallerApi;
import jp.oqs.api.security.CallerView;
import jp.oqs.api.security.Roles;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.web.rest.BusinessFailure;

@Path(CallerApi.PATH)
@RequestScoped
@RolesAllowed({Roles.CLINIC, Roles.INSURER_SYNC, Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN, Roles.AUDITOR})
public class CallerResource implements CallerApi {

    @Inject
    private CallerClaims claims;

    @Override
    public CallerView me() {
        return BusinessFailure.call(() -> new CallerView(claims.subject(),
                claims.groups().stream().sorted().toList(),
                claims.groups().contains(Roles.CLINIC) ? claims.medicalInstitutionCode().value() : null,
                claims.groups().contains(Roles.INSURER_SYNC)
                        ? claims.insurerNumbers().stream().map(InsurerNumber::value).toList() : List.of()));
    }
}
