"""Contacts: their details, and the contact search."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class InvalidContactDetails(DomainError):
    code = "invalid_contact_details"
    template = N_("Invalid contact details.")


class ContactFieldTooLong(InvalidContactDetails):
    code = "contact_field_too_long"
    template = N_("{field} is longer than {limit} characters.")


class AddressIncomplete(InvalidContactDetails):
    code = "address_incomplete"
    template = N_("Enter at least the street or the city of the address.")


class InvalidEmail(InvalidContactDetails):
    code = "invalid_email"
    template = N_("Invalid e-mail address “{email}”: expected name@domain.fr.")


class ContactNameRequired(InvalidContactDetails):
    code = "contact_name_required"
    template = N_("The contact's name is required.")


class UnknownContact(DomainError):
    code = "unknown_contact"
    template = N_("Contact {contact_id} unknown.")


class SearchTooShort(DomainError):
    code = "search_too_short"
    template = N_("Type at least {min_chars} characters of the name, organisation or e-mail.")
