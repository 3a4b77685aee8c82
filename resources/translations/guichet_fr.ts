<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <location filename="../../pos/ui/app.py" line="62"/>
        <source>The database has no schema yet: run &quot;guichet db init&quot;.</source>
        <translation>La base de données n&apos;a pas encore de schéma : lancez « guichet db init ».</translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../pos/ui/basket_model.py" line="21"/>
        <source>TYPE / PRODUCT / ITEM (BY OPERATION)</source>
        <translation>TYPE / PRODUIT / ARTICLE (PAR OPÉRATION)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/basket_model.py" line="22"/>
        <source>CONTACT</source>
        <translation>CONTACT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/basket_model.py" line="23"/>
        <source>QTY</source>
        <translation>QTÉ</translation>
    </message>
    <message>
        <location filename="../../pos/ui/basket_model.py" line="24"/>
        <source>PRICE</source>
        <translation>PRIX</translation>
    </message>
    <message>
        <location filename="../../pos/ui/basket_model.py" line="25"/>
        <source>FEES</source>
        <translation>FRAIS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/basket_model.py" line="26"/>
        <source>AMOUNT</source>
        <translation>MONTANT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/basket_model.py" line="27"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/basket_model.py" line="64"/>
        <source>Order %1</source>
        <translation>Dossier %1</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../pos/ui/panels.py" line="24"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="29"/>
        <source>Search contacts</source>
        <translation>Recherche contacts</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="30"/>
        <location filename="../../pos/ui/panels.py" line="37"/>
        <source>No contact</source>
        <translation>Aucun contact</translation>
    </message>
</context>
<context>
    <name>DeliveryPanel</name>
    <message>
        <location filename="../../pos/ui/panels.py" line="42"/>
        <source>Ticket delivery</source>
        <translation>Livraison billets</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="47"/>
        <source>Handed to the contact</source>
        <translation>Remis au contact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="48"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="49"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="51"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="61"/>
        <source>Immediate print</source>
        <translation>Imp. immédiate</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../pos/ui/panels.py" line="66"/>
        <source>Send documents</source>
        <translation>Envoi documents</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="69"/>
        <source>No document will be created.</source>
        <translation>Aucun document ne sera créé.</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <location filename="../../pos/ui/controller.py" line="64"/>
        <source>Ticket %1 added: %2</source>
        <translation>Billet %1 ajouté : %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/controller.py" line="80"/>
        <source>Operation abandoned: nothing was changed.</source>
        <translation>Ordre abandonné : rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/controller.py" line="95"/>
        <source>The refund could not be recorded: nothing was changed. Try again.</source>
        <translation>Le remboursement n&apos;a pas pu être enregistré : rien n&apos;a été modifié. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/controller.py" line="100"/>
        <source>operation %1</source>
        <translation>l&apos;ordre %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/controller.py" line="106"/>
        <source>Operation %1: %2 refunded.</source>
        <translation>Ordre %1 : %2 remboursés.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/controller.py" line="115"/>
        <source>Printing of %1 failed: %2</source>
        <translation>L&apos;impression de %1 a échoué : %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="46"/>
        <source>Guichet - Exchange - cancellation</source>
        <translation>Guichet - Échange - annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="53"/>
        <source>Exchange - cancellation</source>
        <translation>Échange - annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="73"/>
        <source>Printer: unknown state</source>
        <translation>Imprimante : état inconnu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="112"/>
        <source>Ticket number</source>
        <translation>N° de billet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="115"/>
        <source>Scan or type a ticket number, then Enter</source>
        <translation>Scannez ou tapez un numéro de billet, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="124"/>
        <location filename="../../pos/ui/main_window.py" line="292"/>
        <source>Cancellation basket</source>
        <translation>Panier d&apos;annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="130"/>
        <source>ADD TICKETS</source>
        <translation>AJOUTER BILLETS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="133"/>
        <source>Refund the simple fees</source>
        <translation>Rembourser les frais simples</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="136"/>
        <source>REMOVE</source>
        <translation>SUPPRIMER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="155"/>
        <source>Refunded subtotal</source>
        <translation>Sous-total remboursé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="160"/>
        <source>COMPOUND PRODUCT</source>
        <translation>PRODUIT COMPOSÉ</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="161"/>
        <source>AUTO-EXCHANGE</source>
        <translation>AUTO-ÉCHANGE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="162"/>
        <source>EVENT</source>
        <translation>ÉVÉNEMENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="163"/>
        <source>SUBSCRIPTION</source>
        <translation>ABONNEMENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="164"/>
        <source>PACKAGES</source>
        <translation>PACKAGES</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="165"/>
        <source>OTHER PRODUCTS</source>
        <translation>AUTRES PRODUITS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="166"/>
        <source>BENEFITS</source>
        <translation>AVANTAGES</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="172"/>
        <source>EXCHANGED (BY CONTACT)</source>
        <translation>ÉCHANGÉ (PAR CONTACT)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="181"/>
        <source>Sold subtotal</source>
        <translation>Sous-total vendu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="185"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="198"/>
        <source>by the public</source>
        <translation>par le public</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="199"/>
        <source>by the organiser</source>
        <translation>par l&apos;organisateur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="202"/>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="203"/>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="205"/>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="208"/>
        <source>PUT ON HOLD</source>
        <translation>METTRE EN ATTENTE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="211"/>
        <source>ABANDON OPERATION</source>
        <translation>ABANDONNER ORDRE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="239"/>
        <source>Exchange / sale:</source>
        <translation>Échange / vente :</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="240"/>
        <source>Pay everything</source>
        <translation>Tout payer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="245"/>
        <source>Refund:</source>
        <translation>Remboursement :</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="259"/>
        <source>CASH</source>
        <translation>ESPÈCES</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="260"/>
        <source>CREDIT NOTE</source>
        <translation>SOLDE AVOIR</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="261"/>
        <source>SUSPENSE ACCOUNT</source>
        <translation>COMPTE D&apos;ATTENTE</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="262"/>
        <source>OTHER PAYMENT</source>
        <translation>AUTRE PAIEMENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="288"/>
        <source>Order %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="308"/>
        <source>[Operation %1]</source>
        <translation>[Ordre %1]</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="320"/>
        <location filename="../../pos/ui/main_window.py" line="326"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/main_window.py" line="321"/>
        <source>Refund %1 in cash for %n ticket(s)?</source>
        <translation>
            <numerusform>Rembourser %1 en espèces pour %n billet ?</numerusform>
            <numerusform>Rembourser %1 en espèces pour %n billets ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="327"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="346"/>
        <source>Printed: %1</source>
        <translation>Imprimé : %1</translation>
    </message>
</context>
<context>
    <name>PaymentReminderPanel</name>
    <message>
        <location filename="../../pos/ui/panels.py" line="78"/>
        <source>Reminder of payment modes</source>
        <translation>Rappel des modes de règlement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="83"/>
        <source>PAYMENT MODE</source>
        <translation>MODE DE PAIEMENT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/panels.py" line="83"/>
        <source>AMOUNT</source>
        <translation>MONTANT</translation>
    </message>
</context>
<context>
    <name>RemarksPanel</name>
    <message>
        <location filename="../../pos/ui/panels.py" line="91"/>
        <source>Remarks</source>
        <translation>Remarques</translation>
    </message>
</context>
</TS>
