/**
 * The maternal module's clinical rules (clinical-rules.md §1–§5): pure classes without Spring,
 * driven by versioned rule data. Other modules may use them (CDS Hooks, FHIR import, statistics).
 */
@org.springframework.modulith.NamedInterface("rules")
package cn.fuyou.maternal.rules;
