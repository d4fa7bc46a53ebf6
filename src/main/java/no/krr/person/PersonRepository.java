package no.krr.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Persons by national id. */
@ApplicationScoped
public class PersonRepository {

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    public Optional<Person> find(NationalId id) {
        return Optional.ofNullable(em.find(Person.class, id.value()));
    }

    /** The stored persons among {@code ids}, in one query; must run in a transaction to be changed. */
    public List<Person> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Person p where p.personidentifikator in :ids", Person.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    public void add(Person person) {
        em.persist(person);
    }
}
