package cn.certflow.application;

/** A client as on record (table client), one per unified social credit code. */
public record ClientRecord(long id, String creditCode, String name, String address, String legalStatus) {

}
