package cn.fuyou.registry;

/** An administrative area (GB/T 2260) or a named zone such as Liangjiang New Area. */
public record Area(String code, String nameZh, String nameEn, String kind, String parentCode) {}
