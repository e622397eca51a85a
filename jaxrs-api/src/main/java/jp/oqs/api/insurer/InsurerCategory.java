package jp.oqs.api.insurer;

/** 制度 category, derived from the 法別番号 of the insurer number. */
public enum InsurerCategory {
    /** 01 協会けんぽ. */
    KYOKAI_KENPO(ManagingOrganisation.SSK),
    /** 02 船員保険. */
    SEAMEN(ManagingOrganisation.SSK),
    /** 06 健康保険組合. */
    HEALTH_INSURANCE_SOCIETY(ManagingOrganisation.SSK),
    /** 07 自衛官等. */
    SELF_DEFENSE_FORCES(ManagingOrganisation.SSK),
    /** 31–34 共済組合. */
    MUTUAL_AID(ManagingOrganisation.SSK),
    /** 63, 72–75 特例退職. */
    SPECIAL_RETIREE(ManagingOrganisation.SSK),
    /** 6-digit 市町村国保. */
    MUNICIPAL_NHI(ManagingOrganisation.KOKUHO_CHUOKAI),
    /** 6-digit 国保組合 (保険者別 3xx). */
    NHI_ASSOCIATION(ManagingOrganisation.KOKUHO_CHUOKAI),
    /** 67 退職者医療 (国保). */
    RETIREE_MEDICAL(ManagingOrganisation.KOKUHO_CHUOKAI),
    /** 39 後期高齢者医療広域連合. */
    LATE_ELDERLY(ManagingOrganisation.KOKUHO_CHUOKAI);

    private final ManagingOrganisation managingOrganisation;

    InsurerCategory(ManagingOrganisation managingOrganisation) {
        this.managingOrganisation = managingOrganisation;
    }

    public ManagingOrganisation managingOrganisation() {
        return managingOrganisation;
    }
}
