package org.heteronym.credential;

/** The professions a member can prove. Nothing finer (specialty, school, year) is ever kept: it can unmask. */
public enum Profession {
    PHYSICIAN("physician"),
    RESIDENT("resident"),
    MEDICAL_STUDENT("medical student");

    private final String label;

    Profession(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
