// Importing this module registers every policy; the HTTP layer imports it once at start.
import "../inquiries/policy";
import "./calendar";
import "./cases";
import "./certificates";
import "./exchange";
import "./fees";
import "./global";
import "./organizations";
import "./projects";
import "./serviceItem";
import "./users";
import "../evaluations/policy";
import "../policyLibrary/policy";

export { abilities, allow, authorize, can } from "./registry";
