package cn.fuyou.hospital;

/** A bed's state on the live board. */
public enum BedState {
    FREE, OCCUPIED, RESERVED, CLEANING, CLOSED
}
