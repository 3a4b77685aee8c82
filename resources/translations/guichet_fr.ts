<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="44"/>
        <source>Change the address</source>
        <translation>Changer l&apos;adresse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="45"/>
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="46"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="47"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="48"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../pos/ui/app.py" line="326"/>
        <source>The database has no schema yet: run &quot;guichet db init&quot;.</source>
        <translation>La base de données n&apos;a pas encore de schéma : lancez « guichet db init ».</translation>
    </message>
    <message>
        <location filename="../../pos/ui/app.py" line="328"/>
        <source>The database schema is older than this version of Guichet: run &quot;guichet db upgrade&quot;.</source>
        <translation>Le schéma de la base de données est plus ancien que cette version de Guichet : lancez « guichet db upgrade ».</translation>
    </message>
    <message>
        <location filename="../../pos/ui/app.py" line="331"/>
        <source>The database was upgraded by a newer version of Guichet: install that version on this counter.</source>
        <translation>La base de données a été mise à jour par une version plus récente de Guichet : installez cette version sur ce guichet.</translation>
    </message>
</context>
<context>
    <name>AutoExchangeDialog</name>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/auto_exchange.py" line="49"/>
        <source>Auto-exchange</source>
        <translation>Auto-échange</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/auto_exchange.py" line="52"/>
        <source>The same tickets again, same performance and same seats, at another tariff.</source>
        <translation>Les mêmes billets, même séance et mêmes places, à un autre tarif.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/auto_exchange.py" line="54"/>
        <source>All the tickets of the basket</source>
        <translation>Tous les billets du panier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/auto_exchange.py" line="64"/>
        <source>New tariff</source>
        <translation>Nouveau tarif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/auto_exchange.py" line="75"/>
        <source>EXCHANGE [Enter]</source>
        <translation>ÉCHANGER [Entrée]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/auto_exchange.py" line="77"/>
        <source>Close [Esc]</source>
        <translation>Fermer [Échap]</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/exchange/dialogs/auto_exchange.py" line="96"/>
        <source>%n ticket(s): %1</source>
        <translation>
            <numerusform>%n billet : %1</numerusform>
            <numerusform>%n billets : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="43"/>
        <source>TYPE / PRODUCT / ITEM (BY OPERATION)</source>
        <translation>TYPE / PRODUIT / ARTICLE (PAR OPÉRATION)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="44"/>
        <source>CONTACT</source>
        <translation>CONTACT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="45"/>
        <source>QTY</source>
        <translation>QTÉ</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="46"/>
        <source>PRICE</source>
        <translation>PRIX</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="47"/>
        <source>FEES</source>
        <translation>FRAIS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="48"/>
        <source>AMOUNT</source>
        <translation>MONTANT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="49"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="109"/>
        <source>Order %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/basket_model.py" line="145"/>
        <source>Paper ticket taken back</source>
        <translation>Billet papier repris</translation>
    </message>
</context>
<context>
    <name>BoxOfficeController</name>
    <message>
        <location filename="../../pos/ui/box_office/controller.py" line="78"/>
        <source>The bulk refund stopped on an error: the orders refunded so far stay refunded; start it again to go on.</source>
        <translation>Le remboursement en masse s&apos;est arrêté sur une erreur : les dossiers déjà remboursés le restent ; relancez-le pour continuer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/controller.py" line="134"/>
        <source>Approval refused.</source>
        <translation>Accord refusé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/controller.py" line="167"/>
        <source>%1 revoked tickets: %2</source>
        <translation>%1 billets révoqués : %2</translation>
    </message>
</context>
<context>
    <name>BoxOfficeUi</name>
    <message>
        <location filename="../../pos/ui/box_office/view.py" line="37"/>
        <source>Bo&amp;x office</source>
        <translation>Bi&amp;lletterie</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/view.py" line="39"/>
        <source>Fee rules...</source>
        <translation>Règles de frais...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/view.py" line="41"/>
        <source>Cancel a performance...</source>
        <translation>Annuler une séance...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/view.py" line="44"/>
        <source>Export the revocations...</source>
        <translation>Exporter les révocations...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/view.py" line="100"/>
        <source>%1 orders refunded, %2 refused%3. Report: %4</source>
        <translation>%1 dossiers remboursés, %2 refusés%3. Rapport : %4</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/view.py" line="103"/>
        <source>, stopped (start again to go on)</source>
        <translation>, interrompu (relancez pour continuer)</translation>
    </message>
</context>
<context>
    <name>BulkRefundDialog</name>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="32"/>
        <source>Cancel a performance and refund it</source>
        <translation>Annuler une séance et la rembourser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="42"/>
        <source>A credit note for all</source>
        <translation>Un avoir pour tous</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="43"/>
        <source>Back to the original modes, else a credit note</source>
        <translation>Vers les modes d&apos;origine, sinon un avoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="45"/>
        <source>The contact&apos;s suspense account</source>
        <translation>Le compte d&apos;attente du contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="56"/>
        <source>Performance</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="57"/>
        <source>Refund to</source>
        <translation>Rembourser sur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="58"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="59"/>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="59"/>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="60"/>
        <source>Report (PDF)</source>
        <translation>Rapport (PDF)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="65"/>
        <source>%v / %m orders</source>
        <translation>%v / %m dossiers</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="73"/>
        <source>Cancel the performance and refund</source>
        <translation>Annuler la séance et rembourser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="75"/>
        <source>Stop after this order</source>
        <translation>Arrêter après ce dossier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="78"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="103"/>
        <source>Refunding...</source>
        <translation>Remboursement en cours...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/bulk_refund.py" line="108"/>
        <source>Stopping after the order in progress...</source>
        <translation>Arrêt après le dossier en cours...</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/movement.py" line="36"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/movement.py" line="37"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/movement.py" line="50"/>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/movement.py" line="54"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>CashSessionController</name>
    <message>
        <location filename="../../pos/ui/cash_session/controller.py" line="65"/>
        <source>Cash session opened.</source>
        <translation>Session de caisse ouverte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/controller.py" line="70"/>
        <source>Cash in recorded.</source>
        <translation>Entrée d&apos;espèces enregistrée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/controller.py" line="71"/>
        <source>Cash out recorded.</source>
        <translation>Sortie d&apos;espèces enregistrée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/controller.py" line="101"/>
        <source>Cash session %1 closed (difference %2). Z report: %3</source>
        <translation>Session de caisse %1 clôturée (écart %2). Rapport Z : %3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/controller.py" line="142"/>
        <source>The report could not be saved to %1.</source>
        <translation>Le rapport n&apos;a pas pu être enregistré dans %1.</translation>
    </message>
</context>
<context>
    <name>CashSessionUi</name>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="24"/>
        <source>&amp;Cash</source>
        <translation>&amp;Caisse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="28"/>
        <source>Open the cash session...</source>
        <translation>Ouvrir la caisse...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="30"/>
        <source>Cash in...</source>
        <translation>Entrée d&apos;espèces...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="32"/>
        <source>Cash out...</source>
        <translation>Sortie d&apos;espèces...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="34"/>
        <source>X report (no close)...</source>
        <translation>Rapport X (sans clôture)...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="36"/>
        <source>Close the cash session (Z report)...</source>
        <translation>Clôturer la caisse (rapport Z)...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="38"/>
        <source>Refunds and exchanges report...</source>
        <translation>Rapport des remboursements et échanges...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="54"/>
        <source>Cash: closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="56"/>
        <source>Cash: %1</source>
        <translation>Caisse : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="68"/>
        <source>Open the cash session: count the float</source>
        <translation>Ouverture de caisse : comptez le fond de caisse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="69"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="76"/>
        <source>Cash in</source>
        <translation>Entrée d&apos;espèces</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="77"/>
        <source>Change from the safe</source>
        <translation>Monnaie du coffre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="77"/>
        <source>Float top-up</source>
        <translation>Complément du fond de caisse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="79"/>
        <source>Cash out</source>
        <translation>Sortie d&apos;espèces</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="80"/>
        <source>Deposit to the safe</source>
        <translation>Dépôt au coffre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="80"/>
        <source>Expense</source>
        <translation>Dépense</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="90"/>
        <source>Close the cash session: count the drawer</source>
        <translation>Clôture de caisse : comptez le tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="91"/>
        <source>Close the session</source>
        <translation>Clôturer la session</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="108"/>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/view.py" line="124"/>
        <source>Refunds and exchanges</source>
        <translation>Remboursements et échanges</translation>
    </message>
</context>
<context>
    <name>ContactCreate</name>
    <message>
        <location filename="../../pos/ui/contact/controller.py" line="78"/>
        <source>Contact %1 created.</source>
        <translation>Contact %1 créé.</translation>
    </message>
</context>
<context>
    <name>ContactCreateDialog</name>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="30"/>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="34"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="34"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="35"/>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="35"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="36"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="36"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="37"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="37"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="38"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="54"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_create.py" line="56"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ContactDetails</name>
    <message>
        <location filename="../../pos/ui/contact/details.py" line="33"/>
        <location filename="../../pos/ui/contact/details.py" line="36"/>
        <source>CHANGE</source>
        <translation>CHANGER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/details.py" line="40"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/details.py" line="43"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../pos/ui/contact/panel.py" line="25"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/panel.py" line="30"/>
        <source>Search contacts</source>
        <translation>Recherche contacts</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/panel.py" line="31"/>
        <location filename="../../pos/ui/contact/panel.py" line="58"/>
        <source>No contact</source>
        <translation>Aucun contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/panel.py" line="34"/>
        <source>ADD</source>
        <translation>AJOUTER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/panel.py" line="36"/>
        <source>Create a contact</source>
        <translation>Créer un contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/panel.py" line="66"/>
        <source>Suspense account: %1</source>
        <translation>Compte d&apos;attente : %1</translation>
    </message>
</context>
<context>
    <name>ContactResultsModel</name>
    <message numerus="yes">
        <location filename="../../pos/ui/contact/search.py" line="39"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n billet</numerusform>
            <numerusform>%n billets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactSearch</name>
    <message>
        <location filename="../../pos/ui/contact/search.py" line="23"/>
        <source>CONTACT / ORDER</source>
        <translation>CONTACT / DOSSIER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/search.py" line="24"/>
        <source>DETAIL</source>
        <translation>DÉTAIL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/search.py" line="36"/>
        <source>Order %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/search.py" line="83"/>
        <source>No contact found.</source>
        <translation>Aucun contact trouvé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/contact/search.py" line="86"/>
        <source>%n contact(s) found.</source>
        <translation>
            <numerusform>%n contact trouvé.</numerusform>
            <numerusform>%n contacts trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/search.py" line="88"/>
        <source>More contacts match: type more of the name.</source>
        <translation>D&apos;autres contacts correspondent : tapez davantage du nom.</translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/count.py" line="67"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/count.py" line="84"/>
        <source>Counted: %1</source>
        <translation>Compté : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/count.py" line="86"/>
        <source>Expected: %1</source>
        <translation>Attendu : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/count.py" line="88"/>
        <source>Difference: %1</source>
        <translation>Écart : %1</translation>
    </message>
</context>
<context>
    <name>CounterController</name>
    <message>
        <location filename="../../pos/ui/counter/controller.py" line="57"/>
        <source>Database unreachable: ticket %1 is kept (%2 waiting) and will be taken when it is back.</source>
        <translation>Base de données injoignable : le billet %1 est gardé (%2 en attente) et sera pris à son retour.</translation>
    </message>
</context>
<context>
    <name>DatabaseStatusView</name>
    <message>
        <location filename="../../pos/ui/counter/database_view.py" line="24"/>
        <source>Database: connected</source>
        <translation>Base : connectée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/database_view.py" line="25"/>
        <source>Database: unreachable</source>
        <translation>Base : injoignable</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/counter/database_view.py" line="31"/>
        <source>Scans waiting: %n</source>
        <translation>
            <numerusform>Scans en attente : %n</numerusform>
            <numerusform>Scans en attente : %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryPanel</name>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="31"/>
        <source>Ticket delivery</source>
        <translation>Livraison billets</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="36"/>
        <source>Handed to the contact</source>
        <translation>Remis au contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="38"/>
        <source>Sent by post</source>
        <translation>Envoi postal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="39"/>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="40"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="41"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="43"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="53"/>
        <source>Immediate print</source>
        <translation>Imp. immédiate</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="60"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="61"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="62"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="79"/>
        <source>Device settings</source>
        <translation>Réglages des périphériques</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="81"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="81"/>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="82"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="82"/>
        <source>Timeout (s)</source>
        <translation>Délai d&apos;attente (s)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="83"/>
        <source>Serial device</source>
        <translation>Port série</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="83"/>
        <source>Speed (baud)</source>
        <translation>Vitesse (bauds)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="84"/>
        <source>Flow control</source>
        <translation>Contrôle de flux</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="84"/>
        <source>USB vendor id</source>
        <translation>Identifiant fabricant USB</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="85"/>
        <source>USB product id</source>
        <translation>Identifiant produit USB</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="85"/>
        <source>CUPS queue</source>
        <translation>File CUPS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="86"/>
        <source>CUPS server</source>
        <translation>Serveur CUPS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="87"/>
        <source>Output file</source>
        <translation>Fichier de sortie</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="87"/>
        <source>Printer profile</source>
        <translation>Profil de l&apos;imprimante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="88"/>
        <source>Paper width (mm)</source>
        <translation>Largeur du papier (mm)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="88"/>
        <source>Code page</source>
        <translation>Table de caractères</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="89"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="89"/>
        <source>Drawer pin</source>
        <translation>Broche du tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="90"/>
        <source>End of a scan</source>
        <translation>Fin d&apos;une lecture</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="90"/>
        <source>Prefix key</source>
        <translation>Touche de préfixe</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="91"/>
        <source>Suffix key</source>
        <translation>Touche de fin</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="91"/>
        <source>Longest gap between keys (ms)</source>
        <translation>Écart maximal entre deux touches (ms)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="92"/>
        <source>Shortest scan</source>
        <translation>Longueur minimale d&apos;une lecture</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="93"/>
        <source>Same code ignored within (ms)</source>
        <translation>Même code ignoré pendant (ms)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="100"/>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="101"/>
        <source>Cash drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="102"/>
        <source>Scanner</source>
        <translation>Lecteur de codes-barres</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="106"/>
        <source>File: %1</source>
        <translation>Fichier : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="112"/>
        <source>File printer output: %1</source>
        <translation>Sortie de l&apos;imprimante fichier : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="120"/>
        <source>Test print</source>
        <translation>Impression test</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="121"/>
        <source>Open the drawer</source>
        <translation>Ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="122"/>
        <source>Read the printer state</source>
        <translation>Lire l&apos;état de l&apos;imprimante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="123"/>
        <source>Scan now</source>
        <translation>Scanner maintenant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="124"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="125"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="137"/>
        <source>After &quot;Scan now&quot;, scan a code here</source>
        <translation>Après « Scanner maintenant », scannez un code ici</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="192"/>
        <source>an integer</source>
        <translation>un entier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="192"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="195"/>
        <source>expected %1</source>
        <translation>attendu %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="225"/>
        <source>Printing the test page...</source>
        <translation>Impression de la page de test…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="236"/>
        <source>Asking the printer...</source>
        <translation>Interrogation de l&apos;imprimante…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="242"/>
        <source>Waiting for a scan...</source>
        <translation>En attente d&apos;une lecture…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/device_settings.py" line="258"/>
        <source>Read: %1</source>
        <translation>Lu : %1</translation>
    </message>
</context>
<context>
    <name>DeviceUi</name>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="43"/>
        <source>&amp;Devices</source>
        <translation>Pér&amp;iphériques</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="45"/>
        <source>Print jobs...</source>
        <translation>Travaux d&apos;impression…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="47"/>
        <source>Open the drawer (no sale)...</source>
        <translation>Ouvrir le tiroir (sans vente)…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="49"/>
        <source>Device settings...</source>
        <translation>Réglages des périphériques…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="54"/>
        <location filename="../../pos/ui/devices/view.py" line="120"/>
        <source>Retry printing</source>
        <translation>Réessayer l&apos;impression</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="60"/>
        <source>PRINTS</source>
        <translation>IMPRESSIONS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="64"/>
        <source>DRAWER</source>
        <translation>TIROIR</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/devices/view.py" line="114"/>
        <source>%n print(s)</source>
        <translation>
            <numerusform>%n impression</numerusform>
            <numerusform>%n impressions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/devices/view.py" line="115"/>
        <source>%n e-mail(s)</source>
        <translation>
            <numerusform>%n e-mail</numerusform>
            <numerusform>%n e-mails</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="116"/>
        <source>Retry: %1 failed</source>
        <translation>Réessayer : %1 en échec</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="118"/>
        <source>Retry printing (%1)</source>
        <translation>Réessayer l&apos;impression (%1)</translation>
    </message>
</context>
<context>
    <name>DevicesController</name>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="81"/>
        <source>The action could not be recorded: try again.</source>
        <translation>L&apos;action n&apos;a pas pu être enregistrée : réessayez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="109"/>
        <source>Duplicate sent to the printer.</source>
        <translation>Duplicata envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="158"/>
        <source>E-mail given up: %1 document(s) sent to the printer.</source>
        <translation>E-mail abandonné : %1 document(s) envoyé(s) à l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="161"/>
        <source>E-mail given up: its documents were printed at the counter already.</source>
        <translation>E-mail abandonné : ses documents ont déjà été imprimés au guichet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="177"/>
        <source>Drawer opening recorded in the journal.</source>
        <translation>Ouverture du tiroir enregistrée dans le journal.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="196"/>
        <location filename="../../pos/ui/devices/controller.py" line="205"/>
        <source>No printer is configured.</source>
        <translation>Aucune imprimante n&apos;est configurée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="216"/>
        <source>No cash drawer is configured.</source>
        <translation>Aucun tiroir-caisse n&apos;est configuré.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="237"/>
        <source>Test page sent to the printer.</source>
        <translation>Page de test envoyée à l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="239"/>
        <source>Drawer kick sent.</source>
        <translation>Impulsion d&apos;ouverture envoyée au tiroir.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="258"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/controller.py" line="270"/>
        <source>Settings saved in %1.</source>
        <translation>Réglages enregistrés dans %1.</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="78"/>
        <source>Send documents</source>
        <translation>Envoi documents</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="81"/>
        <source>No document will be created.</source>
        <translation>Aucun document ne sera créé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="87"/>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="87"/>
        <source>QTY</source>
        <translation>QTÉ</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="87"/>
        <source>SENDING</source>
        <translation>ENVOI</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="87"/>
        <source>NATURE</source>
        <translation>NATURE</translation>
    </message>
</context>
<context>
    <name>EmailDialog</name>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="36"/>
        <source>Change the e-mail</source>
        <translation>Changer l&apos;e-mail</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="37"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>EventSaleDialog</name>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="73"/>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="82"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="80"/>
        <source>Event name, then Enter</source>
        <translation>Nom de l&apos;événement, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="101"/>
        <source>Performance</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="102"/>
        <source>Price category</source>
        <translation>Catégorie de prix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="103"/>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="104"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="112"/>
        <source>&amp;Best available seats</source>
        <translation>&amp;Meilleures places disponibles</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="115"/>
        <source>&amp;Choose the seats</source>
        <translation>&amp;Choisir les places</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="134"/>
        <source>ADD [Enter]</source>
        <translation>AJOUTER [Entrée]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="136"/>
        <source>Close [Esc]</source>
        <translation>Fermer [Échap]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="185"/>
        <source>No event to come matches « %1 ».</source>
        <translation>Aucun événement à venir ne correspond à « %1 ».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="231"/>
        <source>%n free seat(s) in %1</source>
        <translation>
            <numerusform>%n place libre en %1</numerusform>
            <numerusform>%n places libres en %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="266"/>
        <source>Choose a performance, a category and a tariff.</source>
        <translation>Choisissez une séance, une catégorie et un tarif.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/event_sale.py" line="272"/>
        <source>Select the seats in the list (Space).</source>
        <translation>Sélectionnez les places dans la liste (Espace).</translation>
    </message>
</context>
<context>
    <name>ExchangeBar</name>
    <message>
        <location filename="../../pos/ui/exchange/bar.py" line="70"/>
        <location filename="../../pos/ui/main_window.py" line="188"/>
        <source>REMOVE</source>
        <translation>SUPPRIMER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/bar.py" line="71"/>
        <source>Alt+Del</source>
        <translation>Alt+Suppr</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/bar.py" line="107"/>
        <source>Scan first the tickets the customer gives back: the exchange sells against the cancellation basket.</source>
        <translation>Scannez d&apos;abord les billets que le client rend : l&apos;échange se vend contre le panier d&apos;annulation.</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <location filename="../../pos/ui/counter/controller.py" line="103"/>
        <source>Ticket %1 added: %2</source>
        <translation>Billet %1 ajouté : %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/controller.py" line="167"/>
        <source>Operation abandoned: nothing was changed.</source>
        <translation>Ordre abandonné : rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/controller.py" line="65"/>
        <source>The refund could not be recorded: nothing was changed. Try again.</source>
        <translation>Le remboursement n&apos;a pas pu être enregistré : rien n&apos;a été modifié. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/controller.py" line="71"/>
        <source>Operation %1: %2 refunded.</source>
        <translation>Ordre %1 : %2 remboursés.</translation>
    </message>
</context>
<context>
    <name>ExchangeModel</name>
    <message>
        <location filename="../../pos/ui/exchange/model.py" line="34"/>
        <source>seat confirmed</source>
        <translation>place confirmée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/model.py" line="35"/>
        <source>unnumbered</source>
        <translation>placement libre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/model.py" line="36"/>
        <source>product reserved</source>
        <translation>produit réservé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/model.py" line="48"/>
        <source>CONFIRMATION</source>
        <translation>CONFIRMATION</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/model.py" line="65"/>
        <source>Order %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/model.py" line="90"/>
        <source>Unnumbered</source>
        <translation>Sans placement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/model.py" line="95"/>
        <source>(replaces %1)</source>
        <translation>(remplace %1)</translation>
    </message>
</context>
<context>
    <name>ExchangePaymentDialog</name>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="52"/>
        <source>Pay the exchange</source>
        <extracomment>voucher number -&gt; CreditNoteFound (an Outcome of pos.ui.common.ops)</extracomment>
        <translation>Payer l&apos;échange</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="53"/>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="57"/>
        <source>Reference (card, cheque...)</source>
        <translation>Référence (carte, chèque...)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="69"/>
        <source>Scan the credit note voucher, then Enter</source>
        <translation>Scannez le bon d&apos;avoir, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="70"/>
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="75"/>
        <source>Suspense account: %1</source>
        <translation>Compte d&apos;attente : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="55"/>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="86"/>
        <source>Rest to pay: %1</source>
        <translation>Reste à payer : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/exchange_payment.py" line="90"/>
        <source>Change to give back: %1</source>
        <translation>Monnaie à rendre : %1</translation>
    </message>
</context>
<context>
    <name>ExchangeSettlement</name>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="112"/>
        <location filename="../../pos/ui/refund/controller.py" line="54"/>
        <source>The contact has no e-mail address: enter one, or hand the tickets over.</source>
        <extracomment>a cash refund the drawer cannot pay: (what it holds, the refund&apos;s tenders); the bar offers the split (the drawer&apos;s content in cash, the rest otherwise)</extracomment>
        <translation>Le contact n&apos;a pas d&apos;adresse e-mail : saisissez-en une, ou remettez-lui les billets.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="123"/>
        <source>The exchange could not be recorded: nothing was changed. Try again.</source>
        <translation>L&apos;échange n&apos;a pas pu être enregistré : rien n&apos;a été modifié. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="127"/>
        <source>Operation %1: exchange recorded, total %2.</source>
        <translation>Ordre %1 : échange enregistré, total %2.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="131"/>
        <source>Change to give back: %1</source>
        <translation>Monnaie à rendre : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="162"/>
        <source>Documents sent to the printer: %1.</source>
        <translation>Documents envoyés à l&apos;imprimante : %1.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="166"/>
        <source>No ticket waits to be printed.</source>
        <translation>Aucun billet n&apos;attend d&apos;être imprimé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="176"/>
        <source>Your tickets - operation %1</source>
        <translation>Vos billets - ordre %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="177"/>
        <source>Hello,</source>
        <translation>Bonjour,</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="178"/>
        <source>Please find attached your tickets and the receipt of your exchange (operation %1).</source>
        <translation>Veuillez trouver ci-joints vos billets et le reçu de votre échange (ordre %1).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="180"/>
        <source>Your refund - operation %1</source>
        <translation>Votre remboursement - ordre %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="182"/>
        <source>Please find attached the receipt of your refund (operation %1).</source>
        <translation>Veuillez trouver ci-joint le reçu de votre remboursement (ordre %1).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement.py" line="183"/>
        <source>Best regards,</source>
        <translation>Cordialement,</translation>
    </message>
</context>
<context>
    <name>ExchangeUiController</name>
    <message>
        <location filename="../../pos/ui/exchange/controller.py" line="75"/>
        <source>The exchange could not be updated: nothing was changed. Try again.</source>
        <translation>L&apos;échange n&apos;a pas pu être modifié : rien n&apos;a été changé. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/controller.py" line="157"/>
        <source>%1 x %2 added to the exchange: %3</source>
        <translation>%1 x %2 ajouté(s) à l&apos;échange : %3</translation>
    </message>
</context>
<context>
    <name>FeeRulesDialog</name>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="39"/>
        <source>Cancellation and exchange fees</source>
        <translation>Frais d&apos;annulation et d&apos;échange</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="44"/>
        <source>The first matching rule applies. Hours are before the performance (empty: no limit); percent and fixed amount add up.</source>
        <translation>La première règle qui correspond s&apos;applique. Les heures sont comptées avant la séance (vide : sans limite) ; le pourcentage et le montant fixe s&apos;additionnent.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="48"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="48"/>
        <source>For (refund/exchange/both)</source>
        <translation>Pour (refund/exchange/both)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="49"/>
        <source>Requested by (public/organiser/any)</source>
        <translation>Demandé par (public/organiser/vide)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="49"/>
        <source>Tariff code</source>
        <translation>Code tarif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="50"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="50"/>
        <source>From hours</source>
        <translation>À partir de (heures)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="50"/>
        <source>Until hours</source>
        <translation>Jusqu&apos;à (heures)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="51"/>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="51"/>
        <source>Fixed</source>
        <translation>Fixe</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="51"/>
        <source>Per (ticket/operation)</source>
        <translation>Par (ticket/operation)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="59"/>
        <source>Add a rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="60"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="61"/>
        <source>Import TOML...</source>
        <translation>Importer un TOML...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="76"/>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="77"/>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="84"/>
        <source>Save the rules</source>
        <translation>Enregistrer les règles</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="86"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="109"/>
        <source>Import fee rules</source>
        <translation>Importer des règles de frais</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_rules.py" line="120"/>
        <source>%1 rules read: save them to apply them.</source>
        <translation>%1 règles lues : enregistrez-les pour les appliquer.</translation>
    </message>
</context>
<context>
    <name>FeeWaiverDialog</name>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_waiver.py" line="14"/>
        <source>Waive the fees</source>
        <translation>Lever les frais</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_waiver.py" line="21"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_waiver.py" line="25"/>
        <source>Waive</source>
        <translation>Lever</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/fee_waiver.py" line="27"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>HeldOperationsDialog</name>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="26"/>
        <source>Operations on hold</source>
        <translation>Ordres en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="33"/>
        <source>OPERATION</source>
        <translation>ORDRE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="33"/>
        <source>CONTACT</source>
        <translation>CONTACT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="33"/>
        <source>TICKETS</source>
        <translation>BILLETS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="33"/>
        <source>AMOUNT</source>
        <translation>MONTANT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="34"/>
        <source>COUNTER</source>
        <translation>GUICHET</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="34"/>
        <source>HELD SINCE</source>
        <translation>EN ATTENTE DEPUIS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="53"/>
        <source>No operation is on hold.</source>
        <translation>Aucun ordre en attente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="58"/>
        <source>RESUME</source>
        <translation>REPRENDRE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/dialogs/held_operations.py" line="63"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>HoldController</name>
    <message numerus="yes">
        <location filename="../../pos/ui/hold/controller.py" line="147"/>
        <source>Operation %1 resumed: %n ticket(s).</source>
        <translation>
            <numerusform>Ordre %1 repris : %n billet.</numerusform>
            <numerusform>Ordre %1 repris : %n billets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoldUi</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="227"/>
        <source>OPERATIONS ON HOLD</source>
        <translation>ORDRES EN ATTENTE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/view.py" line="63"/>
        <source>Abandon operation %1 on hold? Its tickets will be free again.</source>
        <translation>Abandonner l&apos;ordre %1 en attente ? Ses billets seront libérés.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/view.py" line="67"/>
        <location filename="../../pos/ui/hold/view.py" line="72"/>
        <source>Abandon</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/view.py" line="73"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../pos/ui/counter/view.py" line="39"/>
        <source>Del</source>
        <translation>Suppr</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="247"/>
        <source>Number list</source>
        <translation>Liste numéros</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="249"/>
        <source>Type or paste ticket numbers: one per line, or separated by spaces, commas or semicolons.</source>
        <translation>Tapez ou collez les numéros de billets : un par ligne, ou séparés par des espaces, des virgules ou des points-virgules.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="256"/>
        <source>CHECK [Ctrl+Enter]</source>
        <translation>VÉRIFIER [Ctrl+Entrée]</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../pos/ui/operators/dialogs/login.py" line="17"/>
        <source>Log in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/dialogs/login.py" line="26"/>
        <source>Operator code</source>
        <translation>Code opérateur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/dialogs/login.py" line="27"/>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>MailJobsPanel</name>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="31"/>
        <source>to send</source>
        <translation>à envoyer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="32"/>
        <source>sending</source>
        <translation>en cours d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="33"/>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="34"/>
        <source>not sent (retried)</source>
        <translation>non envoyé (nouvel essai)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="35"/>
        <source>printed instead</source>
        <translation>imprimé à la place</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="27"/>
        <source>E-mails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="28"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="28"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="28"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="29"/>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="29"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="29"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="38"/>
        <source>Print instead</source>
        <translation>Imprimer à la place</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="41"/>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/mail_jobs.py" line="48"/>
        <source>To %1 - %2</source>
        <translation>À %1 - %2</translation>
    </message>
</context>
<context>
    <name>MailQueue</name>
    <message>
        <location filename="../../pos/ui/devices/mail_worker.py" line="91"/>
        <source>The e-mail of operation %1 could not be sent: %2. It will be sent again; the print jobs window (Ctrl+J) can print it instead.</source>
        <extracomment>Where the worker reads the mail settings at each send (they may change).</extracomment>
        <translation>L&apos;e-mail de l&apos;ordre %1 n&apos;a pas pu être envoyé : %2. Il sera renvoyé ; la fenêtre des impressions (Ctrl+J) peut l&apos;imprimer à la place.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="47"/>
        <source>Guichet - Exchange - cancellation</source>
        <translation>Guichet - Échange - annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="55"/>
        <source>Exchange - cancellation</source>
        <translation>Échange - annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="75"/>
        <source>Printer: unknown state</source>
        <translation>Imprimante : état inconnu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="121"/>
        <source>Ticket number</source>
        <translation>N° de billet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="124"/>
        <source>Scan or type a ticket number, then Enter</source>
        <translation>Scannez ou tapez un numéro de billet, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/view.py" line="125"/>
        <location filename="../../pos/ui/main_window.py" line="132"/>
        <source>Cancellation basket</source>
        <translation>Panier d&apos;annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="138"/>
        <source>ADD TICKETS</source>
        <translation>AJOUTER BILLETS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="143"/>
        <source>Refund the simple fees</source>
        <translation>Rembourser les frais simples</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="145"/>
        <source>REMOVE</source>
        <translation>SUPPRIMER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="151"/>
        <source>WAIVE FEES</source>
        <translation>LEVER LES FRAIS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="163"/>
        <source>Refunded subtotal</source>
        <translation>Sous-total remboursé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="169"/>
        <source>AUTO-EXCHANGE</source>
        <translation>AUTO-ÉCHANGE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="170"/>
        <source>EVENT</source>
        <translation>ÉVÉNEMENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="171"/>
        <source>SUBSCRIPTION</source>
        <translation>ABONNEMENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="172"/>
        <source>PACKAGES</source>
        <translation>PACKAGES</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="173"/>
        <source>OTHER PRODUCTS</source>
        <translation>AUTRES PRODUITS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="174"/>
        <source>BENEFITS</source>
        <translation>AVANTAGES</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="184"/>
        <source>EXCHANGED (BY CONTACT)</source>
        <translation>ÉCHANGÉ (PAR CONTACT)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="199"/>
        <source>Sold subtotal</source>
        <translation>Sous-total vendu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="203"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="216"/>
        <source>by the public</source>
        <translation>par le public</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="217"/>
        <source>by the organiser</source>
        <translation>par l&apos;organisateur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="220"/>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="222"/>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="225"/>
        <source>PUT ON HOLD</source>
        <translation>METTRE EN ATTENTE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="229"/>
        <source>ABANDON OPERATION</source>
        <translation>ABANDONNER ORDRE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="257"/>
        <source>Exchange / sale:</source>
        <translation>Échange / vente :</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="258"/>
        <source>Pay everything</source>
        <translation>Tout payer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="261"/>
        <source>Refund:</source>
        <translation>Remboursement :</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="264"/>
        <source>CASH</source>
        <translation>ESPÈCES</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="268"/>
        <source>SPLIT</source>
        <translation>FRACTIONNER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="265"/>
        <source>CREDIT NOTE</source>
        <translation>SOLDE AVOIR</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="266"/>
        <source>SUSPENSE ACCOUNT</source>
        <translation>COMPTE D&apos;ATTENTE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="267"/>
        <source>OTHER PAYMENT</source>
        <translation>AUTRE PAIEMENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/view.py" line="122"/>
        <source>Order %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/view.py" line="134"/>
        <source>[Operation %1]</source>
        <translation>[Ordre %1]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/view.py" line="72"/>
        <location filename="../../pos/ui/refund/view.py" line="77"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/view.py" line="78"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/view.py" line="94"/>
        <source>Printed: %1</source>
        <translation>Imprimé : %1</translation>
    </message>
</context>
<context>
    <name>NoSaleDialog</name>
    <message>
        <location filename="../../pos/ui/devices/dialogs/no_sale.py" line="21"/>
        <source>Open the drawer without sale</source>
        <translation>Ouvrir le tiroir sans vente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/no_sale.py" line="23"/>
        <source>Why is the drawer opened? (kept in the journal)</source>
        <translation>Pourquoi ouvrir le tiroir ? (noté dans le journal)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/no_sale.py" line="27"/>
        <source>Change for a customer</source>
        <translation>Faire de la monnaie à un client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/no_sale.py" line="27"/>
        <source>Cash count</source>
        <translation>Comptage de la caisse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/no_sale.py" line="28"/>
        <source>Error correction</source>
        <translation>Correction d&apos;une erreur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/no_sale.py" line="39"/>
        <source>Open the drawer</source>
        <translation>Ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/no_sale.py" line="42"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>OperationController</name>
    <message>
        <location filename="../../pos/ui/contact/controller.py" line="18"/>
        <location filename="../../pos/ui/hold/controller.py" line="22"/>
        <source>The operation could not be recorded: nothing was changed. Try again.</source>
        <translation>L&apos;ordre n&apos;a pas pu être enregistré : rien n&apos;a été modifié. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/controller.py" line="44"/>
        <source>An operation is in progress: put it on hold or abandon it before resuming another one.</source>
        <translation>Un ordre est en cours : mettez-le en attente ou abandonnez-le avant d&apos;en reprendre un autre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/controller.py" line="68"/>
        <source>Operation %1 put on hold: its slip is printing.</source>
        <translation>Ordre %1 mis en attente : son bon s&apos;imprime.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/hold/controller.py" line="187"/>
        <source>Operation %1 abandoned: its tickets are free again.</source>
        <translation>Ordre %1 abandonné : ses billets sont libérés.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/controller.py" line="49"/>
        <source>E-mail changed.</source>
        <translation>E-mail modifié.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/controller.py" line="56"/>
        <source>Address changed.</source>
        <translation>Adresse modifiée.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../pos/ui/common/ops.py" line="37"/>
        <source>The action could not be recorded: nothing was changed. Try again.</source>
        <extracomment>text, level (&quot;info&quot; | &quot;error&quot;): where a feature&apos;s messages go (the message line) a unit-of-work factory, e.g. ``CounterSession.uow`` ``failure=QUIET``: an unexpected error is logged only. For reads that decorate the screen (a reminder, a count): they must never stop the counter nor cover a message.</extracomment>
        <translation>L&apos;action n&apos;a pas pu être enregistrée : rien n&apos;a été modifié. Réessayez.</translation>
    </message>
</context>
<context>
    <name>OperatorsController</name>
    <message>
        <location filename="../../pos/ui/operators/controller.py" line="35"/>
        <source>%1 logged in.</source>
        <translation>%1 connecté(e).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/controller.py" line="53"/>
        <source>Account %1 unlocked.</source>
        <translation>Compte %1 déverrouillé.</translation>
    </message>
</context>
<context>
    <name>OperatorsView</name>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="22"/>
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="23"/>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="24"/>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="37"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="40"/>
        <source>Switch operator...</source>
        <translation>Changer d&apos;opérateur...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="42"/>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="43"/>
        <source>Unlock an account...</source>
        <translation>Déverrouiller un compte...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="57"/>
        <source>Operator: %1 (%2)</source>
        <translation>Opérateur : %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/view.py" line="60"/>
        <source>No operator logged in</source>
        <translation>Aucun opérateur connecté</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="36"/>
        <source>(duplicates: %1)</source>
        <translation>(duplicata : %1)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="39"/>
        <source>(paper taken back)</source>
        <translation>(papier repris)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="45"/>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="46"/>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="48"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="49"/>
        <source>replaced</source>
        <translation>remplacé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="50"/>
        <source>checked in</source>
        <translation>contrôlé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="51"/>
        <source>reserved</source>
        <translation>réservé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="69"/>
        <source>PRODUCT / QUOTA</source>
        <translation>PRODUIT / CONTINGENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="70"/>
        <source>AREA</source>
        <translation>ZONE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="71"/>
        <source>SEAT</source>
        <translation>PLACE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="72"/>
        <source>NUMBER</source>
        <translation>NUMÉRO</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="73"/>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="74"/>
        <source>SALE DATE</source>
        <translation>DATE DE VENTE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="75"/>
        <source>SALES POINT</source>
        <translation>POINT DE VENTE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="76"/>
        <source>OPERATOR</source>
        <translation>OPÉRATEUR</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="77"/>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="78"/>
        <source>DELIVERY</source>
        <translation>LIVRAISON</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="79"/>
        <source>PRICE</source>
        <translation>PRIX</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="112"/>
        <source>Outside quota</source>
        <translation>Hors cont.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="114"/>
        <source>Ticket (document)</source>
        <translation>Billet</translation>
    </message>
</context>
<context>
    <name>OrderDetailDialog</name>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="180"/>
        <source>Order detail</source>
        <translation>Détail d&apos;un dossier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="183"/>
        <source>Settled</source>
        <translation>Soldé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="183"/>
        <source>Not settled</source>
        <translation>Non soldé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="184"/>
        <source>Order %1 (%2) - %3 [%4]</source>
        <translation>Dossier %1 (%2) - %3 [%4]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="191"/>
        <source>Created %1 by %2 on %3</source>
        <translation>Création %1 par %2 sur %3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="193"/>
        <source>Last modified %1 by %2 on %3</source>
        <translation>Dernière modif %1 par %2 sur %3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="200"/>
        <source>Summary: Sales (%1)</source>
        <translation>Résumé : Ventes (%1)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="219"/>
        <source>Paid subtotal</source>
        <translation>Sous-total payé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="220"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="238"/>
        <source>Ctrl+click or Shift+click selects several tickets.</source>
        <translation>Ctrl+clic ou Maj+clic : plusieurs billets.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="241"/>
        <source>TAKE BACK [Enter]</source>
        <translation>REPRENDRE [Entrée]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="243"/>
        <source>The selected tickets, or the whole order when nothing is selected, into the cancellation basket</source>
        <translation>Les billets sélectionnés, ou tout le dossier si rien n&apos;est sélectionné, dans le panier d&apos;annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="247"/>
        <source>TAKE BACK THE WHOLE ORDER [Ctrl+Enter]</source>
        <translation>REPRENDRE TOUT LE DOSSIER [Ctrl+Entrée]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="251"/>
        <source>CLOSE [Esc]</source>
        <translation>FERMER [Échap]</translation>
    </message>
</context>
<context>
    <name>OrderNumberPrompt</name>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="136"/>
        <source>Order [Ctrl+Alt+F]</source>
        <translation>Dossier [Ctrl+Alt+F]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="140"/>
        <source>Order</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/order_detail.py" line="144"/>
        <source>Order number, then Enter</source>
        <translation>Numéro de dossier, puis Entrée</translation>
    </message>
</context>
<context>
    <name>OtherPaymentDialog</name>
    <message>
        <location filename="../../pos/ui/refund/dialogs/other_payment.py" line="27"/>
        <source>Other payment</source>
        <translation>Autre paiement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/other_payment.py" line="29"/>
        <source>Amount to refund: %1</source>
        <translation>Montant à rembourser : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/other_payment.py" line="40"/>
        <source>Cheque number, transfer reference...</source>
        <translation>N° de chèque, référence du virement…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/other_payment.py" line="41"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/other_payment.py" line="42"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/other_payment.py" line="47"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/other_payment.py" line="50"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PaymentModes</name>
    <message>
        <location filename="../../pos/ui/common/payment_modes.py" line="12"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/payment_modes.py" line="13"/>
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/payment_modes.py" line="14"/>
        <source>Suspense account</source>
        <translation>Compte d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/payment_modes.py" line="16"/>
        <source>Bank card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/payment_modes.py" line="17"/>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/payment_modes.py" line="18"/>
        <source>Transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/payment_modes.py" line="19"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>PaymentReminderPanel</name>
    <message>
        <location filename="../../pos/ui/refund/panel.py" line="25"/>
        <source>Reminder of payment modes</source>
        <translation>Rappel des modes de règlement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/panel.py" line="30"/>
        <source>PAYMENT MODE</source>
        <translation>MODE DE PAIEMENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/panel.py" line="30"/>
        <source>AMOUNT</source>
        <translation>MONTANT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/panel.py" line="52"/>
        <source>Still refundable: %1</source>
        <translation>Encore remboursable : %1</translation>
    </message>
</context>
<context>
    <name>PrintJobsDialog</name>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="74"/>
        <source>Print jobs</source>
        <translation>Travaux d&apos;impression</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="84"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PrintJobsPanel</name>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="43"/>
        <source>queued</source>
        <translation>en attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="44"/>
        <source>sending</source>
        <translation>en cours d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="45"/>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="46"/>
        <source>failed (retried)</source>
        <translation>échec (nouvel essai prévu)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="47"/>
        <source>waiting for the cashier</source>
        <translation>en attente (Réessayer)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="49"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="49"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="49"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="50"/>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="50"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="50"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="51"/>
        <source>Reprint (duplicate)</source>
        <translation>Réimprimer (duplicata)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/dialogs/print_jobs.py" line="53"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <location filename="../../pos/ui/devices/worker.py" line="71"/>
        <source>drawer opening without sale</source>
        <translation>ouverture du tiroir sans vente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/worker.py" line="73"/>
        <source>test page</source>
        <translation>page de test</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/worker.py" line="75"/>
        <source>operation no. %1</source>
        <translation>ordre %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/worker.py" line="80"/>
        <source> (duplicate no. %1)</source>
        <translation> (duplicata n°%1)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/worker.py" line="89"/>
        <source>Printing of operation %1 failed: %2</source>
        <translation>L&apos;impression de l&apos;ordre %1 a échoué : %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/worker.py" line="93"/>
        <source>Printing of %1 failed: %2</source>
        <translation>L&apos;impression de %1 a échoué : %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/worker.py" line="97"/>
        <source>The drawer was not opened.</source>
        <translation>Le tiroir n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/devices/worker.py" line="105"/>
        <source>Operation %1 printed, but the drawer did not open: %2</source>
        <translation>Ordre %1 imprimé, mais le tiroir ne s&apos;est pas ouvert : %2</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="44"/>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="45"/>
        <source>Packages</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="46"/>
        <source>Other products</source>
        <translation>Autres produits</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="47"/>
        <source>Benefits</source>
        <translation>Avantages</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="54"/>
        <source>(stock: %1)</source>
        <translation>(stock : %1)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="57"/>
        <source>- gives the tariff %1</source>
        <translation>- donne le tarif %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="84"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="93"/>
        <source>ADD [Enter]</source>
        <translation>AJOUTER [Entrée]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="95"/>
        <source>Close [Esc]</source>
        <translation>Fermer [Échap]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/dialogs/products.py" line="108"/>
        <source>No product of this kind on sale.</source>
        <translation>Aucun produit de ce type en vente.</translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="202"/>
        <source>Number range</source>
        <translation>Plage numéros</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="206"/>
        <source>Scan or type the first ticket of the range</source>
        <translation>Scannez ou tapez le premier billet de la plage</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="209"/>
        <source>Scan or type the last ticket of the range</source>
        <translation>Scannez ou tapez le dernier billet de la plage</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="213"/>
        <source>First ticket</source>
        <translation>Premier billet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="214"/>
        <source>Last ticket</source>
        <translation>Dernier billet</translation>
    </message>
</context>
<context>
    <name>RefundBar</name>
    <message numerus="yes">
        <location filename="../../pos/ui/refund/view.py" line="64"/>
        <source>Refund %1 in cash for %n ticket(s)?</source>
        <translation>
            <numerusform>Rembourser %1 en espèces pour %n billet ?</numerusform>
            <numerusform>Rembourser %1 en espèces pour %n billets ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/refund/view.py" line="65"/>
        <source>Refund %1 as a credit note for %n ticket(s)?</source>
        <translation>
            <numerusform>Rembourser %1 en avoir pour %n billet ?</numerusform>
            <numerusform>Rembourser %1 en avoir pour %n billets ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/refund/view.py" line="68"/>
        <source>Refund %1 to the suspense account for %n ticket(s)?</source>
        <translation>
            <numerusform>Rembourser %1 sur le compte d&apos;attente pour %n billet ?</numerusform>
            <numerusform>Rembourser %1 sur le compte d&apos;attente pour %n billets ?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemarksPanel</name>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="106"/>
        <source>Remarks</source>
        <translation>Remarques</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/report.py" line="50"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/report.py" line="53"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/report.py" line="53"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/report.py" line="72"/>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/report.py" line="77"/>
        <source>Save as CSV</source>
        <translation>Enregistrer en CSV</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/report.py" line="81"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash_session/dialogs/report.py" line="99"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>RevocationExportDialog</name>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/revocation_export.py" line="28"/>
        <location filename="../../pos/ui/box_office/dialogs/revocation_export.py" line="56"/>
        <source>Export the revocations</source>
        <translation>Exporter les révocations</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/revocation_export.py" line="35"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/revocation_export.py" line="39"/>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/revocation_export.py" line="44"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/revocation_export.py" line="48"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/box_office/dialogs/revocation_export.py" line="50"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SaleController</name>
    <message numerus="yes">
        <location filename="../../pos/ui/exchange/controller.py" line="180"/>
        <source>%n ticket(s) added to the exchange: %1</source>
        <translation>
            <numerusform>%n billet ajouté à l&apos;échange : %1</numerusform>
            <numerusform>%n billets ajoutés à l&apos;échange : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanTarget</name>
    <message>
        <location filename="../../pos/ui/common/scan_target.py" line="80"/>
        <source>Scan %1 ignored: this window expects no scan.</source>
        <extracomment>objectName of the line a dialog shows when it refuses a scan</extracomment>
        <translation>Lecture %1 ignorée : cette fenêtre n&apos;attend pas de lecture.</translation>
    </message>
</context>
<context>
    <name>ScannerHub</name>
    <message>
        <location filename="../../pos/ui/scanning/hub.py" line="76"/>
        <source>Scanner: connecting…</source>
        <translation>Lecteur : connexion…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/scanning/hub.py" line="107"/>
        <source>Scanner: connected</source>
        <translation>Lecteur : connecté</translation>
    </message>
    <message>
        <location filename="../../pos/ui/scanning/hub.py" line="108"/>
        <source>Scanner: unplugged</source>
        <translation>Lecteur : débranché</translation>
    </message>
</context>
<context>
    <name>SettlementUi</name>
    <message>
        <location filename="../../pos/ui/counter/panels.py" line="37"/>
        <source>Sent by e-mail</source>
        <translation>Envoi par e-mail</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement_view.py" line="35"/>
        <source>Print the tickets waiting</source>
        <translation>Imprimer les billets en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement_view.py" line="46"/>
        <source>TICKETS TO PRINT (%1)</source>
        <translation>BILLETS À IMPRIMER (%1)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement_view.py" line="62"/>
        <source>The customer is refunded: choose a refund mode.</source>
        <translation>Le client est remboursé : choisissez un mode de remboursement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement_view.py" line="65"/>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement_view.py" line="66"/>
        <source>The total is nil: close the exchange?</source>
        <translation>Le total est nul : clôturer l&apos;échange ?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement_view.py" line="70"/>
        <source>Close exchange</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/exchange/settlement_view.py" line="71"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SplitRefundDialog</name>
    <message>
        <location filename="../../pos/ui/refund/dialogs/split_refund.py" line="29"/>
        <source>Split the refund</source>
        <translation>Fractionner le remboursement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/split_refund.py" line="30"/>
        <source>To refund: %1</source>
        <translation>À rembourser : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/split_refund.py" line="34"/>
        <source>Reference (optional)</source>
        <translation>Référence (facultative)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/split_refund.py" line="32"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund/dialogs/split_refund.py" line="40"/>
        <source>Rest to split: %1</source>
        <translation>Reste à répartir : %1</translation>
    </message>
</context>
<context>
    <name>SupervisorApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/counter/dialogs/supervisor_approval.py" line="15"/>
        <source>Supervisor approval</source>
        <translation>Accord d&apos;un superviseur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/dialogs/supervisor_approval.py" line="26"/>
        <source>Approve</source>
        <translation>Autoriser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter/dialogs/supervisor_approval.py" line="28"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SupervisorCredentials</name>
    <message>
        <location filename="../../pos/ui/common/supervisor_credentials.py" line="32"/>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/supervisor_credentials.py" line="33"/>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>TakeBackController</name>
    <message>
        <location filename="../../pos/ui/take_back/controller.py" line="47"/>
        <source>Type the number of an order (digits only).</source>
        <translation>Tapez le numéro d&apos;un dossier (des chiffres seulement).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/take_back/controller.py" line="73"/>
        <source>%n ticket(s) added to the basket.</source>
        <translation>
            <numerusform>%n billet ajouté au panier.</numerusform>
            <numerusform>%n billets ajoutés au panier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/take_back/controller.py" line="76"/>
        <source>%n refused:</source>
        <translation>
            <numerusform>%n refusé :</numerusform>
            <numerusform>%n refusés :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/take_back/controller.py" line="84"/>
        <source>%n ticket(s) refused without a supervisor&apos;s approval.</source>
        <translation>
            <numerusform>%n billet refusé sans l&apos;accord d&apos;un superviseur.</numerusform>
            <numerusform>%n billets refusés sans l&apos;accord d&apos;un superviseur.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TakeBackReportCounts</name>
    <message numerus="yes">
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="53"/>
        <source>%n ticket(s) to add</source>
        <translation>
            <numerusform>%n billet à ajouter</numerusform>
            <numerusform>%n billets à ajouter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="55"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n refusé</numerusform>
            <numerusform>%n refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="59"/>
        <source>Enter asks a supervisor for the %n ticket(s) refused without their approval.</source>
        <translation>
            <numerusform>Entrée demande l&apos;accord d&apos;un superviseur pour le billet refusé.</numerusform>
            <numerusform>Entrée demande l&apos;accord d&apos;un superviseur pour les %n billets refusés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TakeBackUi</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="140"/>
        <source>Order [Ctrl+Alt+F]</source>
        <translation>Dossier [Ctrl+Alt+F]</translation>
    </message>
</context>
<context>
    <name>TakeBackView</name>
    <message>
        <location filename="../../pos/ui/take_back/view.py" line="37"/>
        <source>Number list [Ctrl+Shift+L]</source>
        <translation>Liste numéros [Ctrl+Maj+L]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/view.py" line="38"/>
        <source>Number range [Ctrl+Shift+R]</source>
        <translation>Plage numéros [Ctrl+Maj+R]</translation>
    </message>
</context>
<context>
    <name>TenderLinesDialog</name>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="65"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="68"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="70"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="72"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="85"/>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="86"/>
        <source>AMOUNT</source>
        <translation>MONTANT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="87"/>
        <source>REFERENCE</source>
        <translation>RÉFÉRENCE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="107"/>
        <source>Remove line</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <location filename="../../pos/ui/common/tender_lines.py" line="111"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>UndoCancellationDialog</name>
    <message>
        <location filename="../../pos/ui/undo/dialogs/undo_dialog.py" line="30"/>
        <source>Undo a cancellation</source>
        <translation>Annuler une annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/undo/dialogs/undo_dialog.py" line="32"/>
        <source>A refund or an exchange of today at this counter is undone: its tickets are valid again and the money comes back.</source>
        <translation>Un remboursement ou un échange du jour à ce guichet est annulé : ses billets sont de nouveau valables et l&apos;argent revient.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/undo/dialogs/undo_dialog.py" line="40"/>
        <source>Ticket</source>
        <translation>Billet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/undo/dialogs/undo_dialog.py" line="48"/>
        <source>Undo the cancellation</source>
        <translation>Annuler l&apos;annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/undo/dialogs/undo_dialog.py" line="50"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <location filename="../../pos/ui/undo/controller.py" line="31"/>
        <source>Undo the cancellation of %1</source>
        <translation>Annuler l&apos;annulation de %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/undo/controller.py" line="45"/>
        <source>Operation %1 undone by operation %2: %3 valid again.</source>
        <translation>Ordre %1 annulé par l&apos;ordre %2 : %3 de nouveau valable(s).</translation>
    </message>
</context>
<context>
    <name>UndoView</name>
    <message>
        <location filename="../../pos/ui/undo/view.py" line="20"/>
        <source>Operation&amp;s</source>
        <translation>Opération&amp;s</translation>
    </message>
    <message>
        <location filename="../../pos/ui/undo/view.py" line="23"/>
        <source>Undo a cancellation...</source>
        <translation>Annuler l&apos;annulation...</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../pos/ui/operators/dialogs/unlock.py" line="15"/>
        <source>Unlock an account</source>
        <translation>Déverrouiller un compte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/operators/dialogs/unlock.py" line="21"/>
        <source>Operator code</source>
        <translation>Code opérateur</translation>
    </message>
</context>
<context>
    <name>_ContactEditDialog</name>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="25"/>
        <source>CHANGE</source>
        <translation>CHANGER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/contact/dialogs/contact_edit.py" line="28"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>_ReportDialog</name>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="81"/>
        <source>TICKET NO.</source>
        <translation>N° BILLET</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="81"/>
        <source>ORDER</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="81"/>
        <source>STATUS</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="81"/>
        <source>DETAIL</source>
        <translation>DÉTAIL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="97"/>
        <source>ADD [Enter]</source>
        <translation>AJOUTER [Entrée]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="101"/>
        <source>CANCEL [Esc]</source>
        <translation>ANNULER [Échap]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="147"/>
        <source>Enter adds them to the basket.</source>
        <translation>Entrée les ajoute au panier.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="148"/>
        <source>Nothing to add.</source>
        <translation>Rien à ajouter.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="161"/>
        <source>to add</source>
        <translation>à ajouter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="162"/>
        <source>already in the basket</source>
        <translation>déjà dans le panier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="163"/>
        <source>already refunded</source>
        <translation>déjà remboursé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="164"/>
        <source>replaced</source>
        <translation>remplacé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="165"/>
        <source>checked in</source>
        <translation>contrôlé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="166"/>
        <source>unpaid reservation</source>
        <translation>réservation non payée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="167"/>
        <source>held in another operation</source>
        <translation>retenu par un ordre en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="168"/>
        <source>performance over</source>
        <translation>séance passée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="169"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="170"/>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <location filename="../../pos/ui/take_back/dialogs/take_back_report.py" line="171"/>
        <source>duplicate</source>
        <translation>en double</translation>
    </message>
</context>
</TS>
