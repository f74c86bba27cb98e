-- The portal speaks each staff member's language; Vietnamese unless they choose English.
alter table account add column language varchar(2) default 'vi' not null;
