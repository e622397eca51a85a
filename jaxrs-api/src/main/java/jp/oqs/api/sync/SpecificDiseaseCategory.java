package jp.oqs.api.sync;

/** 特定疾病療養受療証の認定疾病区分. */
public enum SpecificDiseaseCategory {
    /** 1 人工透析を必要とする慢性腎不全. */
    CHRONIC_RENAL_FAILURE("1"),
    /** 2 先天性血液凝固因子障害（第VIII因子・第IX因子）. */
    CONGENITAL_COAGULATION_DISORDER("2"),
    /** 3 血液凝固因子製剤の投与に起因するHIV感染症. */
    HIV_FROM_BLOOD_PRODUCTS("3");

    private final String code;

    SpecificDiseaseCategory(String code) {
        this.code = code;
    }

    /** The one-digit code. */
    public String code() {
        return code;
    }
}
