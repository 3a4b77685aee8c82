"""What the exchange sells besides single tickets, and how new tickets are numbered.

- ``Product``: a thing with a price. ``kind`` says what it is: another product with a
  stock (programme, cloakroom, parking), a subscription or a package (a set of
  performance x category x tariff items sold as one product at one price), or a
  benefit (a member card) that grants a tariff to its holder.
- ``ProductSale``: a product sold in an operation, into an order. For a subscription or a
  package the price is carried by the tickets it created (``on_tickets``), linked by
  ``ProductSaleTicket``; otherwise ``amount`` is charged to the order itself.
- ``NumberSequence``: the last number handed out (new ticket numbers), advanced by one
  ``UPDATE ... RETURNING`` inside the settlement, so a rollback gives numbers back.
"""

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.core.models import Base, Tariff, UtcDateTime, _enum
from pos.core.money import Cents


class ProductKind(enum.Enum):
    OTHER = "other"  # programme, cloakroom, parking: counted in stock
    SUBSCRIPTION = "subscription"  # abonnement: performances sold as one product
    PACKAGE = "package"  # a fixed bundle of tickets at a bundle price
    BENEFIT = "benefit"  # avantage: a card that grants a tariff


BUNDLE_KINDS = (ProductKind.SUBSCRIPTION, ProductKind.PACKAGE)


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (CheckConstraint("stock IS NULL OR stock >= 0", name="stock_not_negative"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[ProductKind] = mapped_column(_enum(ProductKind))
    price: Mapped[Decimal] = mapped_column(Cents())
    stock: Mapped[int | None] = mapped_column(Integer)  # None: not counted
    grants_tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    grants_tariff: Mapped["Tariff | None"] = relationship()
    items: Mapped[list["ProductItem"]] = relationship(
        back_populates="product", order_by="ProductItem.id"
    )


class ProductItem(Base):
    """One line of a subscription or package: ``quantity`` tickets of a performance."""

    __tablename__ = "product_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    performance_id: Mapped[int] = mapped_column(ForeignKey("performances.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("price_categories.id"))
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"))
    quantity: Mapped[int] = mapped_column(Integer, default=1)

    product: Mapped["Product"] = relationship(back_populates="items")


class ProductSale(Base):
    """A product sold in an operation. Only ever inserted."""

    __tablename__ = "product_sales"
    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Cents())
    amount: Mapped[Decimal] = mapped_column(Cents())
    on_tickets: Mapped[bool] = mapped_column(Boolean, default=False)  # price on its tickets
    at: Mapped[datetime] = mapped_column(UtcDateTime())

    product: Mapped["Product"] = relationship()


class ProductSaleTicket(Base):
    """A ticket created by a subscription or package sale."""

    __tablename__ = "product_sale_tickets"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    product_sale_id: Mapped[int] = mapped_column(ForeignKey("product_sales.id"), index=True)


class NumberSequence(Base):
    __tablename__ = "number_sequences"
    name: Mapped[str] = mapped_column(String(24), primary_key=True)
    last_value: Mapped[int] = mapped_column(BigInteger)
